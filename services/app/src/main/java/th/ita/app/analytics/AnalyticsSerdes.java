package th.ita.app.analytics;

import io.micronaut.serde.annotation.SerdeImport;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;

/** The analytics module's result records, served as they are (that module stays free of framework annotations). */
@SerdeImport(TrendOf.Trend.class)
@SerdeImport(TrendOf.Point.class)
@SerdeImport(TrendOf.Contribution.class)
@SerdeImport(FindWeaknesses.Result.class)
@SerdeImport(FindWeaknesses.Weakness.class)
@SerdeImport(FindWeaknesses.Strength.class)
@SerdeImport(FindWeaknesses.DraggingItem.class)
@SerdeImport(NextLevel.Target.class)
@SerdeImport(NextLevel.ToolGap.class)
@SerdeImport(NextLevel.Lever.class)
@SerdeImport(SummarizeGroup.Summary.class)
final class AnalyticsSerdes {
    private AnalyticsSerdes() {
    }
}
