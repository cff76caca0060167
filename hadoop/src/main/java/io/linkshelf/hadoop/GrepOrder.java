package io.linkshelf.hadoop;

/**
 * The shuffle key that puts the grep job's output in {@code linkshelf grep}'s order: by article key, an
 * article's latest version first, then its earlier versions newest first. Hadoop sorts {@code Text} keys by
 * their UTF-8 bytes; article keys are lower-case ASCII, so byte order is the local grep's string order.
 */
final class GrepOrder {

    private GrepOrder() {}

    static String key(String articleKey, boolean latest, String snapshot) {
        StringBuilder b = new StringBuilder(articleKey.length() + snapshot.length() + 2);
        // \u0001 sorts below every character of a key, so "ab" and its versions come before "ab-c".
        b.append(articleKey).append('\u0001').append(latest ? '0' : '1');
        for (int i = 0; i < snapshot.length(); i++) {
            char c = snapshot.charAt(i);
            // Snapshot ids are yyyyMMdd'T'HHmmss'Z': mirroring the digits makes newer sort first.
            b.append(c >= '0' && c <= '9' ? (char) ('9' - c + '0') : c);
        }
        return b.toString();
    }
}
