package io.github.lightcastspark.emulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every request the emulator received, for tests to count and inspect. Thread-safe. */
public final class RequestJournal {
  private final List<JournalEntry> entries = new ArrayList<>();

  synchronized void add(JournalEntry entry) {
    entries.add(entry);
  }

  /** @return a snapshot of every entry, in order of arrival */
  public synchronized List<JournalEntry> entries() {
    List<JournalEntry> copy = new ArrayList<>(entries);
    copy.sort(Comparator.comparingLong(JournalEntry::receivedNanos));
    return copy;
  }

  /** @return the entries whose path ends with {@code pathSuffix}, in order of arrival */
  public List<JournalEntry> entries(String pathSuffix) {
    return entries().stream().filter(e -> e.path().endsWith(pathSuffix)).toList();
  }

  /** Forgets every entry. */
  public synchronized void clear() {
    entries.clear();
  }
}
