package io.golive.server.launch;

import io.golive.checklist.Checklist;
import io.golive.server.store.LaunchStore.Version;

/** One version of a launch with its checklist imported (immutable, so cached per version). */
public record ParsedVersion(Version version, Checklist checklist, String markdown) {}
