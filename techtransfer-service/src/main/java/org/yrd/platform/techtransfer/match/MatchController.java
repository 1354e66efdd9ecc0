package org.yrd.platform.techtransfer.match;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.PageResponse;
import org.yrd.platform.commons.web.Paging;
import org.yrd.platform.commons.web.Versions;
import org.yrd.platform.techtransfer.match.MatchApi.CloseDeal;
import org.yrd.platform.techtransfer.match.MatchApi.DeclineMatch;
import org.yrd.platform.techtransfer.match.MatchApi.MatchView;
import org.yrd.platform.techtransfer.match.MatchApi.ProposeMatch;

@RestController
@RequestMapping("/api/v1/techtransfer/matches")
@Tag(name = "matches", description = "Expressions of interest between a request and an offer, and the deals they lead to. "
        + "Visible to the two organizations and staff only.")
class MatchController {

    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt");

    private final MatchService matches;

    MatchController(MatchService matches) {
        this.matches = matches;
    }

    @PostMapping
    @Operation(summary = "Express interest in a published offer for the caller's published request (PROPOSED)",
            description = "One open match per request and offer: a second is a 409.",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MatchView> propose(@Valid @RequestBody ProposeMatch body, Caller caller) {
        Match match = matches.propose(caller, body);
        return ResponseEntity.created(URI.create("/api/v1/techtransfer/matches/" + match.getId()))
                .eTag(Versions.etag(match.getVersion())).body(view(match));
    }

    @GetMapping
    @Operation(summary = "The matches the caller's organization is a party to (staff: all)",
            security = @SecurityRequirement(name = "bearer"))
    PageResponse<MatchView> list(@RequestParam(required = false) MatchStatus status,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String sort,
                                 Caller caller) {
        return PageResponse.of(matches.list(caller, status, Paging.of(page, size, sort, SORTABLE,
                Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))), MatchController::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One match (its two parties and staff)", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MatchView> get(@PathVariable String id, Caller caller) {
        Match match = matches.get(caller, id);
        return Versions.ok(view(match), match.getVersion());
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a proposed match: negotiations start (the offer's owner or staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MatchView> accept(@PathVariable String id,
                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     Caller caller) {
        Match match = matches.accept(caller, id, Versions.optional(ifMatch));
        return Versions.ok(view(match), match.getVersion());
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline a proposed match with a reason code (the offer's owner or staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MatchView> decline(@PathVariable String id, @Valid @RequestBody DeclineMatch body,
                                      @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      Caller caller) {
        Long version = Versions.optional(ifMatch);
        Match match = matches.decline(caller, id, version != null ? version : body.version(), body);
        return Versions.ok(view(match), match.getVersion());
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a proposed or negotiating match (either party or staff)",
            security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MatchView> withdraw(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        Match match = matches.withdraw(caller, id, Versions.optional(ifMatch));
        return Versions.ok(view(match), match.getVersion());
    }

    @PostMapping("/{id}/close-deal")
    @Operation(summary = "Record the deal a negotiation ended in (staff)",
            description = "NEGOTIATING to DEAL_CLOSED; creates the deal, marks the request MATCHED and publishes "
                    + "DealClosed.", security = @SecurityRequirement(name = "bearer"))
    ResponseEntity<MatchView> closeDeal(@PathVariable String id, @Valid @RequestBody CloseDeal body,
                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        Caller caller) {
        Long version = Versions.optional(ifMatch);
        Match match = matches.closeDeal(caller, id, version != null ? version : body.version(), body);
        return Versions.ok(view(match), match.getVersion());
    }

    static MatchView view(Match match) {
        return new MatchView(match.getId(), match.getVersion(), match.getCreatedAt(), match.getUpdatedAt(),
                match.getRequestId(), match.getOfferId(), match.getRequestOrganizationId(),
                match.getOfferOrganizationId(), match.getOfferTitle(), match.getField(), match.getMessage(),
                match.getStatus(), match.getDecline(), match.getDeal(), match.getAcceptedAt(), match.getClosedAt());
    }
}
