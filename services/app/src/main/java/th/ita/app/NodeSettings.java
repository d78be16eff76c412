package th.ita.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code ita.node.*}: this node's id ({@code ITA_NODE_ID}; see {@link Node}) and how long a batch may
 * go without a heartbeat from its node before other nodes treat that node as dead and fail the batch.
 */
@ConfigurationProperties("ita.node")
public record NodeSettings(@Nullable String id, @Bindable(defaultValue = "5m") Duration abandonedAfter) {
}
