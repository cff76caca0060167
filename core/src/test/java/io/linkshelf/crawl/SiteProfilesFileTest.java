package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteProfilesFileTest {

    @TempDir
    Path dir;

    @Test
    void readsRowsThatTakePrecedenceOverTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.json"), "{\"hosts\": ["
                + "{\"host\": \"mp.weixin.qq.com\", \"delaySeconds\": 15, \"jitter\": 0.2, \"budget\": 200},"
                + "{\"host\": \"*.zhimg.com\", \"delaySeconds\": 2.5, \"imageHost\": true}]}");
        SiteProfiles profiles = SiteProfiles.defaults().withRowsFirst(SiteProfilesFile.read(file));
        assertThat(profiles.forHost("mp.weixin.qq.com").delay()).isEqualTo(Duration.ofSeconds(15));
        assertThat(profiles.forHost("mp.weixin.qq.com").pageBudget()).hasValue(200);
        assertThat(profiles.forHost("pic1.zhimg.com").delay()).isEqualTo(Duration.ofMillis(2500));
        assertThat(profiles.forHost("pic1.zhimg.com").imageHost()).isTrue();
        assertThat(profiles.forHost("zhuanlan.zhihu.com").delay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void badFilesAreErrorsNamingTheFileAndTheRow() throws Exception {
        Path notJson = Files.writeString(dir.resolve("a.json"), "{ hosts: ");
        assertThatThrownBy(() -> SiteProfilesFile.read(notJson)).hasMessageContaining("a.json");
        Path noHosts = Files.writeString(dir.resolve("b.json"), "{}");
        assertThatThrownBy(() -> SiteProfilesFile.read(noHosts)).hasMessageContaining("\"hosts\" array");
        Path badRow = Files.writeString(dir.resolve("c.json"), "{\"hosts\": [{\"host\": \"x\", \"delaySeconds\": 1, \"jitter\": 3}]}");
        assertThatThrownBy(() -> SiteProfilesFile.read(badRow)).hasMessageContaining("hosts[1]").hasMessageContaining("jitter");
    }
}
