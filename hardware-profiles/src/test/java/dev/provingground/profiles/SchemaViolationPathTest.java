package dev.provingground.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SchemaViolationPathTest {

    @Test
    void schemaPointerBecomesAProfileFieldPath() {
        assertThat(ProfileReader.pointerPath("/protocolFeatures/agvActions/3/actionType"))
                .isEqualTo("factsheet.protocolFeatures.agvActions[3].actionType");
        assertThat(ProfileReader.pointerPath("/protocolLimits/maxArrayLens/order~1nodes"))
                .isEqualTo("factsheet.protocolLimits.maxArrayLens.order/nodes");
    }

    @Test
    void emptyPointerIsTheWholeFactsheet() {
        assertThat(ProfileReader.pointerPath("")).isEqualTo("factsheet");
    }
}
