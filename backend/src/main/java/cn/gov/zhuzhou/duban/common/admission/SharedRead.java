package cn.gov.zhuzhou.duban.common.admission;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Requests that ask for the same heavy read at the same time share one computation of it (issue 11: fifty leaders
 * opening the year's ranking made fifty province-wide computations of ~10 MB each, two at a time, and the bounded heap
 * thrashed). Fresh reads still: a request never gets a result whose computation started before it arrived. Per key, at
 * most one round computes and one waits to start; a request joins the waiting round (starting one if none waits),
 * which starts when the computing one ends, so every request of a round arrived before the round began to read.
 * A round's failure (overloaded, the database down) is the answer of each of its requests; the next round starts
 * afresh. Pure: no clock, no database; the caller's {@code compute} runs on the thread of the request that started the
 * round, in that request's context.
 */
public final class SharedRead<K, V> {

    private final Map<K, CompletableFuture<V>> waiting = new HashMap<>();
    private final Map<K, CompletableFuture<V>> computing = new HashMap<>();

    /** The value of {@code key}, from a computation that started after this call began. */
    public V get(K key, Supplier<V> compute) {
        CompletableFuture<V> round;
        boolean starts = false;
        synchronized (this) {
            round = waiting.get(key);
            if (round == null) {
                round = new CompletableFuture<>();
                waiting.put(key, round);
                starts = true;
            }
        }
        if (!starts) {
            return outcome(round);
        }
        // this request runs its round: after the one computing now (if any), whose start may predate this round's
        // requests; from the moment this round starts, new requests make the next round
        while (true) {
            CompletableFuture<V> before;
            synchronized (this) {
                before = computing.get(key);
                if (before == null) {
                    waiting.remove(key);
                    computing.put(key, round);
                    break;
                }
            }
            try {
                before.join();
            } catch (RuntimeException endedBadly) {
                // its requests have that answer; this round reads afresh
            }
        }
        // the round leaves `computing` before its requests are told: the next round's starter, woken by the completion,
        // then finds the way clear at once (the other way round it looped on join() and the map until this thread got the
        // CPU back to remove the round: 5 % of the samples of a loaded tree in a profile, two cores; session 14)
        V value;
        try {
            value = compute.get();
        } catch (RuntimeException | Error e) {
            leave(key, round);
            round.completeExceptionally(e);
            throw e;
        }
        leave(key, round);
        round.complete(value);
        return value;
    }

    private synchronized void leave(K key, CompletableFuture<V> round) {
        computing.remove(key, round);
    }

    /** The round's value, or its failure as it was thrown (so the error mappers see the same exception). */
    static <V> V outcome(CompletableFuture<V> round) {
        try {
            return round.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
