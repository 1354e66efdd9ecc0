package org.yrd.platform.commons.web;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.yrd.platform.commons.error.InvalidInputException;

/** Parses {@code page}, {@code size} (capped at 100) and {@code sort=field,desc} against allowed fields. */
public final class Paging {

    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static Pageable of(Integer page, Integer size, String sort, Set<String> sortable, Sort defaultSort) {
        int number = page == null ? 0 : page;
        int pageSize = size == null ? 20 : size;
        if (number < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (pageSize < 1) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(number, Math.min(pageSize, MAX_SIZE), parseSort(sort, sortable, defaultSort));
    }

    static Sort parseSort(String sort, Set<String> sortable, Sort defaultSort) {
        if (sort == null || sort.isBlank()) {
            return defaultSort;
        }
        String[] parts = sort.split(",");
        String field = parts[0].trim();
        if (!sortable.contains(field)) {
            throw new InvalidInputException("sort", "can sort by " + String.join(", ", sortable.stream().sorted().toList()));
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length > 1) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim()).orElseThrow(() ->
                    new InvalidInputException("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, field).and(defaultSort);
    }
}
