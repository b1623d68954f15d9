package io.golive.notify;

import java.util.List;

/**
 * Where deliveries wait and are recorded, so that a restart loses none. The CLI keeps them in a file
 * ({@link FileOutbox}); the server keeps them in its database, written in the transaction of the change
 * that caused them.
 */
public interface Outbox {
    /** Records a new delivery. */
    void add(Delivery d);

    /** Replaces the delivery with the same id (after a try). */
    void update(Delivery d);

    /** Every delivery still PENDING, oldest first. */
    List<Delivery> pending();

    /** Every delivery, oldest first. */
    List<Delivery> all();
}
