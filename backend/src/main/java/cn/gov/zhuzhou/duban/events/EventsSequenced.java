package cn.gov.zhuzhou.duban.events;

/**
 * Fired (synchronously, inside the sequencer's transaction) when committed events received the feed sequences
 * {@code from} to {@code to}: whoever fans events out (webhooks) does it in the same transaction, exactly once.
 */
public record EventsSequenced(long from, long to) {
}
