package org.yrd.platform.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yrd.platform.commons.error.StateConflictException;

/** The lifecycle table, every pair of states, without Spring. */
class ArticleStatusTest {

    private static final Set<String> ALLOWED = Set.of("DRAFT->PUBLISHED", "PUBLISHED->ARCHIVED");

    static Stream<Arguments> everyPair() {
        return Stream.of(ArticleStatus.values()).flatMap(from -> Stream.of(ArticleStatus.values())
                .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyDraftToPublishedAndPublishedToArchivedAreAllowed(ArticleStatus from, ArticleStatus to) {
        boolean allowed = ALLOWED.contains(from + "->" + to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.moveTo(to)).isInstanceOf(StateConflictException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name());
        }
    }

    @Test
    void archivedIsFinalAndReadOnly() {
        assertThat(ArticleStatus.ARCHIVED.next()).isEmpty();
        assertThat(ArticleStatus.ARCHIVED.editable()).isFalse();
        assertThat(ArticleStatus.DRAFT.editable()).isTrue();
        assertThat(ArticleStatus.PUBLISHED.editable()).isTrue();
    }

    @Test
    void onlyPublishedIsPublic() {
        assertThat(Stream.of(ArticleStatus.values()).filter(ArticleStatus::isPublic))
                .containsExactly(ArticleStatus.PUBLISHED);
    }
}
