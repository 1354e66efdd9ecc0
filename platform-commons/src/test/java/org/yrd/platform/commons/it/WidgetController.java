package org.yrd.platform.commons.it;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yrd.platform.commons.error.ResourceNotFoundException;
import org.yrd.platform.commons.error.StateConflictException;
import org.yrd.platform.commons.outbox.AggregateStore;
import org.yrd.platform.commons.security.Caller;
import org.yrd.platform.commons.web.BilingualText;
import org.yrd.platform.commons.web.Versions;

/** Endpoints that exercise each error path of the shared problem+json handling. */
@RestController
@RequestMapping("/widgets")
class WidgetController {

    enum Kind { SMALL, LARGE }

    record CreateWidget(@NotNull @BilingualText Map<String, String> name, @NotNull Kind kind,
                        @Min(1) @Max(9) int level, List<String> tags) {
    }

    record RenameWidget(@NotNull String name, Long version) {
    }

    record WidgetView(String id, long version, String name) {
    }

    private final AggregateStore store;
    private final MongoTemplate mongo;

    WidgetController(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @PostMapping
    ResponseEntity<WidgetView> create(@Valid @RequestBody CreateWidget body, Caller caller) {
        caller.requireStaff();
        Widget widget = new Widget(java.util.UUID.randomUUID().toString(), body.name().values().iterator().next());
        store.insert(widget, List.of(widget.registered()));
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Versions.etag(widget.getVersion()))
                .body(new WidgetView(widget.getId(), widget.getVersion(), widget.getName()));
    }

    @GetMapping("/{id}")
    ResponseEntity<WidgetView> get(@PathVariable String id) {
        Widget widget = find(id);
        return Versions.ok(new WidgetView(widget.getId(), widget.getVersion(), widget.getName()), widget.getVersion());
    }

    @PutMapping("/{id}")
    ResponseEntity<WidgetView> rename(@PathVariable String id, @RequestHeader(value = "If-Match", required = false)
            String ifMatch, @Valid @RequestBody RenameWidget body, Caller caller) {
        caller.requireStaff();
        long expected = Versions.required(ifMatch, body.version());
        Widget widget = find(id);
        widget.rename(body.name());
        store.update(widget, expected, List.of(widget.updated()));
        return Versions.ok(new WidgetView(widget.getId(), widget.getVersion(), widget.getName()), widget.getVersion());
    }

    @PostMapping("/{id}/freeze")
    void freeze(@PathVariable String id) {
        find(id);
        throw new StateConflictException("A widget in state ACTIVE cannot be frozen; only DRAFT widgets can.");
    }

    @GetMapping("/store-down")
    void storeDown() {
        throw new DataAccessResourceFailureException("Timed out after 3000 ms while waiting for a server (mongo)");
    }

    @GetMapping("/boom")
    void boom() {
        throw new IllegalStateException("java.lang.NullPointerException at com.internal.Secret");
    }

    private Widget find(String id) {
        Widget widget = mongo.findById(id, Widget.class);
        if (widget == null) {
            throw new ResourceNotFoundException("widget", id);
        }
        return widget;
    }
}
