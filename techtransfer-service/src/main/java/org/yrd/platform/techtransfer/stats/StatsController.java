package org.yrd.platform.techtransfer.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.techtransfer.stats.StatsApi.Stats;

@RestController
@Tag(name = "statistics", description = "Public figures of the technology market")
class StatsController {

    private final StatsService stats;

    StatsController(StatsService stats) {
        this.stats = stats;
    }

    @GetMapping("/api/v1/techtransfer/stats")
    @Operation(summary = "Published offers and requests by field and region, matches by status, deals and their "
            + "value by region and mode, and the conversion from published requests to deals (public)")
    Stats stats() {
        return stats.compute();
    }
}
