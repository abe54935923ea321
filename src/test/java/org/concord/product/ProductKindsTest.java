package org.concord.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.concord.label.DataKind;
import org.junit.jupiter.api.Test;

class ProductKindsTest {

    @Test
    void kindsAreKnownByTheirCodeAndGrantedByTheirDataKind() {
        ProductKinds kinds = ProductKinds.of(TestKinds.ALL);
        assertThat(kinds.of(new DataKind("test-flags"))).contains(TestKinds.FLAGS);
        assertThat(kinds.dataKinds().all()).containsExactly(DataKind.EPHEMERIDES, DataKind.ORBITS,
                new DataKind("test-derived"), new DataKind("test-notes"));
        assertThat(kinds.parse("test-notes")).isSameAs(TestKinds.NOTES);
        assertThatThrownBy(() -> kinds.parse("test-note")).hasMessage("unknown product kind 'test-note': this node"
                + " serves test-derived, test-flags, test-notes");
    }

    @Test
    void aCodeIsRegisteredOnce() {
        assertThatThrownBy(() -> ProductKinds.of(List.of(TestKinds.NOTES, TestKinds.NOTES)))
                .hasMessageContaining("test-notes is registered twice");
    }
}
