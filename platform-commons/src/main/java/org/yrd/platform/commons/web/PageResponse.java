package org.yrd.platform.commons.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** The paging shape of API.md: {@code {content, page: {size, number, totalElements, totalPages}}}. */
public record PageResponse<T>(List<T> content, PageMetadata page) {

    public record PageMetadata(int size, int number, long totalElements, int totalPages) {
    }

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                new PageMetadata(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
    }
}
