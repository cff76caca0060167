package io.linkshelf.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads the per-host politeness table a user may keep in a JSON file:
 * <pre>{"hosts": [{"host": "mp.weixin.qq.com", "delaySeconds": 15, "jitter": 0.3, "budget": 200},
 *            {"host": "*.zhimg.com", "delaySeconds": 2, "imageHost": true}]}</pre>
 */
public final class SiteProfilesFile {

    private SiteProfilesFile() {}

    public static List<SiteProfile> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read the site profile file " + file + ": " + firstLine(e.getMessage()), e);
        }
        JsonNode hosts = root == null ? null : root.get("hosts");
        if (hosts == null || !hosts.isArray()) {
            throw new IOException("site profile file " + file + " needs a \"hosts\" array, e.g. "
                    + "{\"hosts\": [{\"host\": \"mp.weixin.qq.com\", \"delaySeconds\": 15}]}");
        }
        List<SiteProfile> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode row : hosts) {
            i++;
            String where = file + ", hosts[" + i + "]";
            if (!row.hasNonNull("host") || !row.hasNonNull("delaySeconds")) {
                throw new IOException(where + " needs \"host\" and \"delaySeconds\"");
            }
            try {
                rows.add(new SiteProfile(row.get("host").asText(),
                        Duration.ofMillis(Math.round(row.get("delaySeconds").asDouble() * 1000)),
                        row.path("jitter").asDouble(0),
                        row.hasNonNull("budget") ? OptionalInt.of(row.get("budget").asInt()) : OptionalInt.empty(),
                        row.path("imageHost").asBoolean(false)));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
