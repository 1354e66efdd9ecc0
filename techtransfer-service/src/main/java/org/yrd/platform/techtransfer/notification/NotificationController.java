package org.yrd.platform.techtransfer.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.PageResponse;
import org.yrd.platform.commons.web.Paging;
import org.yrd.platform.commons.web.Versions;
import org.yrd.platform.techtransfer.listing.Language;

@RestController
@RequestMapping("/api/v1/techtransfer/notifications")
@Tag(name = "notifications", description = "Suggestions of continuous matching: new offers for your requests, "
        + "new requests for your offers")
class NotificationController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "score");

    record FactorView(String factor, double contribution, boolean nearMiss, String reason) {
    }

    record NotificationView(String id, long version, Instant createdAt, Instant updatedAt, String organizationId,
                            MatchNotification.Kind kind, String requestId, String offerId,
                            Map<String, String> offerTitle, double score, boolean nearMiss, List<String> reasons,
                            List<FactorView> factors, boolean read, Instant readAt) {
    }

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Notifications of the caller's organization, newest first (staff: any organization's)",
            description = "Filters: unread (true or false); staff may pass organizationId. Reasons in zh-CN or "
                    + "en-US after Accept-Language.", security = @SecurityRequirement(name = "bearer"))
    PageResponse<NotificationView> list(@RequestParam(required = false) String organizationId,
                                        @RequestParam(required = false) Boolean unread,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size,
                                        @RequestParam(required = false) String sort,
                                        @Parameter(description = "zh-CN or en-US")
                                        @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                        String acceptLanguage,
                                        Caller caller) {
        Language language = Language.fromAcceptLanguage(acceptLanguage);
        return PageResponse.of(notifications.list(caller, organizationId, unread, Paging.of(page, size, sort, SORTABLE,
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))), n -> view(n, language));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark a notification read (idempotent)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<NotificationView> read(@PathVariable String id,
                                          @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                          String acceptLanguage,
                                          Caller caller) {
        MatchNotification notification = notifications.markRead(caller, id);
        return Versions.ok(view(notification, Language.fromAcceptLanguage(acceptLanguage)), notification.getVersion());
    }

    private static NotificationView view(MatchNotification n, Language language) {
        List<FactorView> factors = n.getFactors().stream().map(f -> new FactorView(f.factor(), f.contribution(),
                f.nearMiss(), language.isChinese() ? f.reasonZh() : f.reasonEn())).toList();
        List<String> reasons = language.isChinese() ? n.getReasonsZh() : n.getReasonsEn();
        return new NotificationView(n.getId(), n.getVersion(), n.getCreatedAt(), n.getUpdatedAt(), n.getOrganizationId(),
                n.getKind(), n.getRequestId(), n.getOfferId(), n.getOfferTitle(), n.getScore(), n.isNearMiss(),
                reasons, factors, n.getReadAt() != null, n.getReadAt());
    }
}
