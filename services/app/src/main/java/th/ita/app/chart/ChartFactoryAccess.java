package th.ita.app.chart;

import jakarta.inject.Singleton;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.app.access.ScopedData;
import th.ita.charts.ChartData;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Metric;
import th.ita.core.organization.Organization;

/** The per-organization charts by kind, for commands that draw one chart per organization. */
@Singleton
public class ChartFactoryAccess {
    private final ChartBuilder builder;

    ChartFactoryAccess(ChartBuilder builder) {
        this.builder = builder;
    }

    public ChartData build(ScopedData.Reads reads, String kind, Organization organization, int year) {
        return switch (kind) {
            case "ranking" -> builder.ranking(reads, organization, year, Metric.TOTAL, PeerGroup.PROVINCE, 0);
            case "profile" -> builder.profile(reads, organization, year);
            case "trend" -> builder.trend(reads, organization, "tools");
            default -> throw ItaException.invalidInput("kind must be ranking, profile or trend, not '" + kind + "'");
        };
    }
}
