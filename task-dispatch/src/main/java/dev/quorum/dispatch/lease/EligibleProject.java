package dev.quorum.dispatch.lease;

/** An active project the annotator qualifies for and that has ready work. */
record EligibleProject(String id, int priority, double goldRatio) {}
