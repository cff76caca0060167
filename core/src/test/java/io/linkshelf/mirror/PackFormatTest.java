package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PackFormatTest {

    @Test
    void labelsAreTheFileExtensions() {
        assertThat(PackFormat.ZIP.label()).isEqualTo("zip");
        assertThat(PackFormat.TAR_GZ.label()).isEqualTo("tar.gz");
        assertThat(PackFormat.WACZ.label()).isEqualTo("wacz");
        for (PackFormat format : PackFormat.values()) {
            assertThat(PackFormat.fromLabel(format.label())).isSameAs(format);
        }
    }

    @Test
    void parsesACommaSeparatedListInEnumOrderIgnoringCaseBlanksAndRepeats() {
        assertThat(PackFormat.parseList(" wacz, ZIP ,tar.gz,zip")).containsExactly(PackFormat.ZIP, PackFormat.TAR_GZ,
                PackFormat.WACZ);
        assertThat(PackFormat.parseList("tar.gz")).containsExactly(PackFormat.TAR_GZ);
    }

    @Test
    void anUnknownLabelNamesItAndTheValidOnes() {
        assertThatThrownBy(() -> PackFormat.parseList("zip,7z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'7z'")
                .hasMessageContaining("zip, tar.gz, wacz");
        assertThatThrownBy(() -> PackFormat.fromLabel("tgz")).hasMessageContaining("tar.gz");
    }

    @Test
    void anEmptyListOrItemIsRefused() {
        assertThatThrownBy(() -> PackFormat.parseList(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no pack format");
        assertThatThrownBy(() -> PackFormat.parseList("zip,,wacz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty pack format");
    }
}
