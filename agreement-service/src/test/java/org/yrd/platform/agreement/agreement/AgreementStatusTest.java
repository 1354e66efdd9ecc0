package org.yrd.platform.agreement.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yrd.platform.commons.error.StateConflictException;

class AgreementStatusTest {

    private static final Set<String> ALLOWED = Set.of("DRAFT>SIGNED", "SIGNED>ACTIVE", "SIGNED>TERMINATED",
            "SIGNED>EXPIRED", "ACTIVE>TERMINATED", "ACTIVE>EXPIRED");

    @ParameterizedTest
    @EnumSource(AgreementStatus.class)
    void everyTransitionIsEitherAllowedOrRefusedWithA409(AgreementStatus from) {
        for (AgreementStatus to : AgreementStatus.values()) {
            if (ALLOWED.contains(from + ">" + to)) {
                assertThat(from.moveTo(to)).isEqualTo(to);
            } else {
                assertThatThrownBy(() -> from.moveTo(to)).isInstanceOf(StateConflictException.class)
                        .hasMessageContaining(from.name()).hasMessageContaining(to.name());
            }
        }
    }

    @Test
    void finalStatesAllowNothing() {
        assertThat(AgreementStatus.TERMINATED.next()).isEmpty();
        assertThat(AgreementStatus.EXPIRED.next()).isEmpty();
    }

    @Test
    void draftsAreNotPublic() {
        assertThat(AgreementStatus.PUBLIC).isEqualTo(EnumSet.of(AgreementStatus.SIGNED, AgreementStatus.ACTIVE,
                AgreementStatus.TERMINATED, AgreementStatus.EXPIRED));
    }
}
