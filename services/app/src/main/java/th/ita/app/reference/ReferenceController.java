package th.ita.app.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import th.ita.core.error.ItaException;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.LevelRule;
import th.ita.core.geography.District;
import th.ita.core.geography.Geography;
import th.ita.core.geography.Province;
import th.ita.core.message.Message;

/** Public reference data every tenant shares: the assessment frameworks by year, provinces and districts. */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
class ReferenceController {
    private final Frameworks frameworks;
    private final Geography geography;

    ReferenceController(Frameworks frameworks, Geography geography) {
        this.frameworks = frameworks;
        this.geography = geography;
    }

    @Get("/frameworks")
    List<Integer> years() {
        return frameworks.years();
    }

    @Get("/frameworks/{year}")
    FrameworkView framework(@PathVariable int year) {
        Framework framework = frameworks.require(year);
        return new FrameworkView(framework.year(), framework.toolSetName(), framework.levelScheme().name(), framework.levelScheme().toConfirm(),
                framework.tools().stream().map(tool -> new ToolView(tool.code(), tool.nameTh(), tool.nameEn(), tool.weight())).toList(),
                framework.metrics().stream().map(m -> new MetricView(m.code(), m.kind().name(), m.nameTh(), m.nameEn(), m.parentCode(), m.groupTh())).toList(),
                framework.levelScheme().levels().stream().map(ReferenceController::level).toList(),
                framework.methodologyChanges().stream().map(c -> new ChangeView(c.th(), c.en(), c.toConfirm())).toList());
    }

    private static LevelView level(LevelRule rule) {
        return new LevelView(rule.code(), rule.nameTh(), rule.nameEn(), rule.minTotal(),
                rule.minEachTool().isPresent() ? rule.minEachTool().getAsDouble() : null);
    }

    @Get("/provinces")
    List<Province> provinces() {
        return geography.provinces();
    }

    @Get("/provinces/{province}/districts")
    List<District> districts(@PathVariable String province) {
        Province found = geography.province(province).orElseThrow(() -> ItaException.notFound(Message.of("problem.provinceNotFound", "province", province)));
        return geography.districts(found.code());
    }

    @Serdeable
    record FrameworkView(int year, String toolSet, String levelScheme, boolean levelSchemeToConfirm, List<ToolView> tools,
                         List<MetricView> metrics, List<LevelView> levels, List<ChangeView> methodologyChanges) {
    }

    @Serdeable
    record ToolView(String code, String nameTh, String nameEn, double weight) {
    }

    @Serdeable
    record MetricView(String code, String kind, String nameTh, String nameEn, @Nullable String parent, @Nullable String groupTh) {
    }

    @Serdeable
    record LevelView(String code, String nameTh, String nameEn, double minTotal, @Nullable Double minEachTool) {
    }

    @Serdeable
    record ChangeView(String th, String en, boolean toConfirm) {
    }
}
