package dev.registry.catalog.internal;

import java.util.List;
import java.util.Map;

/**
 * One target group of Prometheus's HTTP service discovery format: the targets to scrape, as {@code host:port},
 * and the labels they all get.
 *
 * @param targets {@code targets}: {@code host:port} of each target
 * @param labels {@code labels}: label names (valid Prometheus label names) to values
 */
record TargetGroupJson(List<String> targets, Map<String, String> labels) {
}
