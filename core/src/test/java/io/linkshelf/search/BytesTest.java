package io.linkshelf.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {

    private static int naiveIndexOf(byte[] a, byte[] needle, int from, int to) {
        for (int i = from; i + needle.length <= to; i++) {
            boolean all = true;
            for (int k = 0; k < needle.length && all; k++) {
                all = a[i + k] == needle[k];
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void indexOfAndLastIndexOfAgreeWithAPlainLoopInAnyRangeAndAlignment() {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] a = new byte[random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (byte) "ab\n\u0080".charAt(random.nextInt(4));
            }
            int from = a.length == 0 ? 0 : random.nextInt(a.length + 1);
            int to = from + random.nextInt(a.length - from + 1);
            for (byte b : new byte[] {'a', 'b', '\n', (byte) 0x80, 'z'}) {
                assertThat(Bytes.indexOf(a, b, from, to)).as("%s in [%d,%d)", b, from, to)
                        .isEqualTo(naiveIndexOf(a, new byte[] {b}, from, to));
                int last = -1;
                for (int i = from; i < to; i++) {
                    if (a[i] == b) {
                        last = i;
                    }
                }
                assertThat(Bytes.lastIndexOf(a, b, from, to)).as("last %s in [%d,%d)", b, from, to).isEqualTo(last);
            }
        }
    }

    @Test
    void aNeedleIsFoundWhereverItStartsEvenNextToNearMisses() {
        Random random = new Random(11);
        String[] pieces = {"推荐", "系统", "推", "荐系", "AUC ", "提升了", "\n", "x"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] a = text.toString().getBytes(StandardCharsets.UTF_8);
            for (String literal : new String[] {"推荐系统", "AUC 提升了", "x", "系统\n推"}) {
                byte[] needle = literal.getBytes(StandardCharsets.UTF_8);
                int from = a.length == 0 ? 0 : random.nextInt(a.length);
                assertThat(new Bytes.Needle(needle).find(a, from, a.length)).as("%s in %s from %d", literal, text, from)
                        .isEqualTo(naiveIndexOf(a, needle, from, a.length));
            }
        }
    }

    @Test
    void lengthsAgreeWithTheJdkCodecsForChineseAndEmoji() {
        String s = "a推荐😀ＤｅｅｐＦＭ é\n";
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        assertThat(Bytes.utf16Length(utf8, 0, utf8.length)).isEqualTo(s.length());
        assertThat(Bytes.utf8Length(s, 0, s.length())).isEqualTo(utf8.length);
        assertThat(Bytes.utf8Length(s, 3, 5)).as("the emoji").isEqualTo(4);
    }
}
