package io.golive.server.notify;

import io.golive.NotFoundException;
import io.golive.server.store.LaunchStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A launch's notification deliveries; any signed-in user (viewers too) may read them. */
@RestController
class NotificationController {
    /** The newest deliveries shown; older ones stay in the database. */
    static final int SHOWN = 500;

    private final NotificationStore store;
    private final LaunchStore launches;

    NotificationController(NotificationStore store, LaunchStore launches) {
        this.store = store;
        this.launches = launches;
    }

    @GetMapping("/api/launches/{id}/notifications")
    NotificationView.Page notifications(@PathVariable long id) {
        launches.launch(id).filter(l -> l.version() > 0).orElseThrow(() -> new NotFoundException("no launch " + id));
        return new NotificationView.Page(
                id, store.list(id, SHOWN).stream().map(NotificationView::of).toList());
    }
}
