package th.ita.app.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import th.ita.analytics.level.NextLevel;
import th.ita.analytics.summary.SummarizeGroup;
import th.ita.analytics.table.ScoreTable;
import th.ita.analytics.trend.TrendOf;
import th.ita.analytics.weakness.FindWeaknesses;
import th.ita.app.analytics.AnalyticsViews.ContributionView;
import th.ita.app.analytics.AnalyticsViews.DraggingItemView;
import th.ita.app.analytics.AnalyticsViews.LevelCountView;
import th.ita.app.analytics.AnalyticsViews.LeverView;
import th.ita.app.analytics.AnalyticsViews.NextLevelView;
import th.ita.app.analytics.AnalyticsViews.PointView;
import th.ita.app.analytics.AnalyticsViews.StrengthView;
import th.ita.app.analytics.AnalyticsViews.SummaryView;
import th.ita.app.analytics.AnalyticsViews.TargetView;
import th.ita.app.analytics.AnalyticsViews.ToolGapView;
import th.ita.app.analytics.AnalyticsViews.TrendView;
import th.ita.app.analytics.AnalyticsViews.WeaknessView;
import th.ita.app.analytics.AnalyticsViews.WeaknessesView;
import th.ita.app.message.CodedText;
import th.ita.core.framework.Framework;
import th.ita.core.framework.LevelRule;
import th.ita.core.message.Language;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.score.Scores;

/** The analytics results as the API's views, in the caller's language. */
final class ViewsOf {
    private ViewsOf() {
    }

    private static String pick(String th, String en, Language language) {
        return language == Language.EN && en != null && !en.isBlank() ? en : th;
    }

    static TrendView trend(TrendOf.Trend trend, ScoreTable table, Language language) {
        return trend(trend, table, language, true);
    }

    /** {@code withContributions} false: without the split of each change by tool, which gives the tools' own changes. */
    static TrendView trend(TrendOf.Trend trend, ScoreTable table, Language language, boolean withContributions) {
        List<PointView> points = trend.points().stream().map(point -> {
            List<String> notes = point.methodologyBreak()
                    ? table.framework(point.year()).map(Framework::methodologyChanges).orElse(List.of()).stream()
                            .map(change -> pick(change.th(), change.en(), language)).toList()
                    : List.of();
            return new PointView(point.year(), point.value(), point.change(), point.methodologyBreak(), notes, withContributions
                    ? point.contributions().stream().map(c -> new ContributionView(c.tool(), c.weight(), c.toolChange(), c.pointsOfTotal())).toList()
                    : List.of(), withContributions ? point.residual() : null);
        }).toList();
        return new TrendView(trend.metric(), points, trend.slope(), trend.slopeStandardError(), trend.pValue(), trend.significant());
    }

    /** The message of a weakness reason, with the figures that make it. */
    static Message reason(FindWeaknesses.Reason reason, FindWeaknesses.Weakness weakness, AnalyticsSettings settings) {
        return reason(reason, weakness, settings, true);
    }

    private static Message reason(FindWeaknesses.Reason reason, FindWeaknesses.Weakness weakness, AnalyticsSettings settings, boolean medians) {
        return switch (reason) {
            case BELOW_THRESHOLD -> Message.of("weakness.reason.BELOW_THRESHOLD", "threshold", Scores.formatThreshold(settings.weaknessThreshold()));
            case LOWEST_OF_TOOL -> Message.of("weakness.reason.LOWEST_OF_TOOL", "tool", weakness.tool());
            case BELOW_PEER_MEDIAN -> Message.of("weakness.reason.BELOW_PEER_MEDIAN", "median", !medians || weakness.peerMedian() == null ? "-" : weakness.peerMedian(),
                    "margin", Scores.formatThreshold(settings.belowMedianMargin()));
            case FALLING -> Message.of("weakness.reason.FALLING");
        };
    }

    static WeaknessesView weaknesses(FindWeaknesses.Result result, AnalyticsSettings settings, Language language) {
        return weaknesses(result, settings, language, null);
    }

    /**
     * {@code withheld}: why the peers' medians are withheld from this caller (a group too small for them:
     * statistical disclosure control), or null to show them.
     */
    static WeaknessesView weaknesses(FindWeaknesses.Result result, AnalyticsSettings settings, Language language, Message withheld) {
        Messages messages = Messages.standard();
        boolean medians = withheld == null;
        List<WeaknessView> weaknesses = result.weaknesses().stream().map(w -> new WeaknessView(w.indicator(), w.nameTh(), w.nameEn(),
                pick(w.nameTh(), w.nameEn(), language), w.tool(), w.score(), medians ? w.peerMedian() : null,
                w.reasons().stream().map(Enum::name).toList(),
                w.reasons().stream().map(reason -> CodedText.of(reason(reason, w, settings, medians), language)).toList(),
                w.severity().name(), messages.render("weakness.severity." + w.severity().name(), language),
                w.draggingItems().stream().map(d -> new DraggingItemView(d.item(), d.textTh(), d.score())).toList(),
                w.guidanceTh(), w.guidanceEn(), pick(w.guidanceTh(), w.guidanceEn(), language))).toList();
        List<StrengthView> strengths = result.strengths().stream()
                .map(s -> new StrengthView(s.indicator(), s.nameTh(), s.nameEn(), pick(s.nameTh(), s.nameEn(), language), s.score())).toList();
        return new WeaknessesView(result.year(), weaknesses, strengths, withheld == null ? null : CodedText.of(withheld, language));
    }

    static NextLevelView nextLevel(NextLevel.Result result, Language language) {
        LevelRule level = result.current().level();
        TargetView next = result.next().map(t -> new TargetView(t.level(), t.nameTh(), t.nameEn(), pick(t.nameTh(), t.nameEn(), language),
                t.pointsOnTotal(), t.tools().stream().map(g -> new ToolGapView(g.tool(), g.score(), g.needed())).toList())).orElse(null);
        return new NextLevelView(result.year(), result.total(), level.code(), level.nameTh(), pick(level.nameTh(), level.nameEn(), language),
                result.current().reasonTh(), result.current().reasonEn(), pick(result.current().reasonTh(), result.current().reasonEn(), language),
                result.figuresLevel().map(l -> l.level().code()).orElse(null),
                result.figuresLevel().map(l -> pick(l.reasonTh(), l.reasonEn(), language)).orElse(null), next,
                result.levers().stream().map(l -> new LeverView(l.indicator(), l.nameTh(), l.nameEn(), pick(l.nameTh(), l.nameEn(), language), l.tool(),
                        l.score(), l.totalPerPoint(), l.headroom())).toList());
    }

    static SummaryView summary(SummarizeGroup.Summary s, ScoreTable table, Language language) {
        List<LevelCountView> counts = new ArrayList<>();
        Map<String, LevelRule> rules = new LinkedHashMap<>();
        table.framework(s.year()).ifPresent(framework -> framework.levelScheme().levels().forEach(rule -> rules.put(rule.code(), rule)));
        s.levels().forEach((code, count) -> {
            LevelRule rule = rules.get(code);
            counts.add(new LevelCountView(code, rule == null ? code : pick(rule.nameTh(), rule.nameEn(), language), count));
        });
        return new SummaryView(s.metric(), s.year(), s.count(), s.mean(), s.median(), s.firstQuartile(), s.thirdQuartile(), s.min(), s.max(),
                s.standardDeviation(), s.shareAtLeast85(), s.levels(), counts, s.basis().toLowerCase(java.util.Locale.ROOT));
    }
}
