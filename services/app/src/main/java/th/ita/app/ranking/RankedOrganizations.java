package th.ita.app.ranking;

import th.ita.analytics.table.ScoreTable;
import jakarta.inject.Singleton;
import java.util.List;
import th.ita.analytics.ranking.PeerGroup;
import th.ita.analytics.ranking.RankPeers;
import th.ita.app.access.ScopedData;
import th.ita.core.geography.Geography;
import th.ita.core.message.Language;
import th.ita.core.message.Localized;
import th.ita.core.message.Message;
import th.ita.core.message.Messages;
import th.ita.core.organization.Organization;

/** Turns ranked rows into the API's one shape of a ranked organization, with the group named as reports name it. */
@Singleton
public class RankedOrganizations {
    private final Geography geography;

    RankedOrganizations(Geography geography) {
        this.geography = geography;
    }

    /** The name of an anchor's peer group: "หน่วยงานประเภท อปท. ในจังหวัดเชียงราย", "ทต. ทั่วประเทศ". */
    public Message groupName(Organization anchor, PeerGroup group) {
        Localized province = geography.provinceByCode(anchor.provinceCode()).map(p -> new Localized(p.nameTh(), p.nameEn()))
                .orElse(new Localized(anchor.provinceCode(), anchor.provinceCode()));
        Localized type = new Localized(anchor.type().nameTh(), anchor.type().nameEn());
        return switch (group) {
            case PROVINCE -> Message.of("ranking.group.PROVINCE", "province", province);
            case PROVINCE_TYPE -> Message.of("ranking.group.PROVINCE_TYPE", "type", type, "province", province);
            case NATION_TYPE -> Message.of("ranking.group.NATION_TYPE", "type", type);
        };
    }

    /** The name of a saved group. */
    public static Message savedGroupName(String name) {
        return Message.of("ranking.group.CUSTOM", "name", name);
    }

    /** Views without a published rank to compare with (a saved group, a metric below the total). */
    public List<RankedOrganizationView> views(List<ScopedData.RankedRow> rows, int year, String metric, Message group, Language language) {
        return views(rows, year, metric, group, language, null);
    }

    /**
     * Views of a province ranking on the total, beside the rank each organization's source published (from
     * {@code table}, when given); where the two differ the note says why: the published rank is NACC's, over
     * every LAO of the province on published totals; the computed one counts the organizations loaded here.
     */
    public List<RankedOrganizationView> views(List<ScopedData.RankedRow> rows, int year, String metric, Message group, Language language,
                                              ScoreTable table) {
        String basis = table == null ? "reported" : table.basis().name().toLowerCase(java.util.Locale.ROOT);
        Messages messages = Messages.standard();
        String groupTh = messages.render(group, Language.TH);
        String groupName = messages.render(group, language);
        return rows.stream().map(row -> {
            RankPeers.Ranked r = row.ranked();
            Message summary = Message.of("ranking.summary", "rank", r.rank(), "groupSize", r.groupSize(), "group", group);
            Integer reportedRank = table == null || !metric.equals(th.ita.core.framework.Metric.TOTAL) ? null
                    : table.indexOf(row.organization().id()).map(index -> table.reportedRank(year, index))
                            .filter(java.util.OptionalInt::isPresent).map(java.util.OptionalInt::getAsInt).orElse(null);
            String note = reportedRank == null || reportedRank == r.rank() ? null : messages.render(Message.of("ranking.reportedRankDiffers",
                    "reportedRank", reportedRank, "rank", r.rank(), "groupSize", r.groupSize(), "basis", basis), language);
            return new RankedOrganizationView(row.organization().code(), row.organization().fullNameTh(), year, metric, r.score(), r.rank(),
                    r.groupSize(), r.percentile(), r.percentRank(), r.quartile(), r.gapToAbove(), r.gapToMedian(), r.gapToTop(), r.bestRank(),
                    r.worstRank(), r.tooCloseToCall(), r.previousRank(), r.change(), groupTh, messages.render(summary, Language.TH), groupName,
                    messages.render(summary, language), basis, reportedRank, note);
        }).toList();
    }

    /** The rows of one organization, if it is ranked in the group. */
    public static java.util.Optional<RankedOrganizationView> of(List<RankedOrganizationView> views, Organization organization) {
        return views.stream().filter(view -> view.code().equals(organization.code())).findFirst();
    }
}
