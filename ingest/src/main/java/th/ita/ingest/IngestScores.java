package th.ita.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import th.ita.core.batch.BatchCatalog;
import th.ita.core.batch.BatchCounts;
import th.ita.core.batch.IngestBatch;
import th.ita.core.batch.RowError;
import th.ita.core.error.ErrorCode;
import th.ita.core.error.ItaException;
import th.ita.core.message.Message;
import th.ita.core.framework.Framework;
import th.ita.core.framework.Frameworks;
import th.ita.core.framework.LevelRule;
import th.ita.core.framework.Metric;
import th.ita.core.geography.Geography;
import th.ita.core.organization.NewOrganization;
import th.ita.core.organization.Organization;
import th.ita.core.organization.Organizations;
import th.ita.core.score.CurrentScores;
import th.ita.core.score.DataQualityFinding;
import th.ita.core.score.ScoreHistory;
import th.ita.core.score.DeriveScores;
import th.ita.core.score.OrgYear;
import th.ita.core.score.Provenance;
import th.ita.core.score.ScoreFact;
import th.ita.core.score.ScoreFacts;
import th.ita.core.score.Scores;
import th.ita.core.tenant.TenantId;
import th.ita.core.thai.FiscalYear;
import th.ita.core.thai.ThaiNumbers;
import th.ita.core.thai.ThaiText;
import th.ita.ingest.source.MalformedFileException;
import th.ita.ingest.source.SourceFile;
import th.ita.ingest.source.SourceRow;
import th.ita.ingest.source.TableSource;

/**
 * Loads one file of scores as one batch (use case).
 *
 * <p>One streaming pass reads the rows; values are gathered per org-year in compact arrays (memory
 * grows with the number of org-years, which the domain bounds, never with the file's size). Bad
 * cells become row errors with line, column, value and reason, and the rest goes on. Then each
 * org-year is derived bottom-up (tool, total, level) and compared with what was reported, and the
 * batch is written and published at once. The same file uploaded again changes nothing.
 *
 * <p>Everything a batch brings — new organizations, new aliases, facts and findings — is written
 * under the LOADING batch and becomes visible only when the catalog publishes it; on any failure the
 * batch is failed and none of it is ever seen. While it loads, the batch's owner (this node) sends
 * heartbeats, so other nodes can tell a live upload from one whose node died.
 */
public final class IngestScores {
    private static final int PROGRESS_EVERY = 10_000;
    private static final int ERROR_FLUSH = 1_000;
    private static final int FIRST_ERRORS = 100;
    /** How often a loading batch tells the catalog its owner is still at work. */
    private static final long HEARTBEAT_NANOS = 15_000_000_000L;
    /** Why a batch failed when the fault is ours, not the file's: the fault's own text goes to the log only. */
    private static final Message PLATFORM_FAULT = Message.of("batch.failure.platformFault");

    private final Organizations organizations;
    private final BatchCatalog batches;
    private final ScoreFacts scores;
    private final CurrentScores current;
    private final ScoreHistory history;
    private final Frameworks frameworks;
    private final Geography geography;
    private final String node;

    /**
     * @param current the current facts, so that a batch carries forward what its rows do not carry
     * @param history where the carried facts came from
     * @param node the id of this node, which owns the batches it loads
     */
    public IngestScores(Organizations organizations, BatchCatalog batches, ScoreFacts scores, CurrentScores current, ScoreHistory history,
                        Frameworks frameworks, Geography geography, String node) {
        this.current = requireNonNull(current, "current is null");
        this.history = requireNonNull(history, "history is null");
        this.organizations = requireNonNull(organizations, "organizations is null");
        this.batches = requireNonNull(batches, "batches is null");
        this.scores = requireNonNull(scores, "scores is null");
        this.frameworks = requireNonNull(frameworks, "frameworks is null");
        this.geography = requireNonNull(geography, "geography is null");
        this.node = requireNonNull(node, "node is null");
    }

    /**
     * @throws ItaException INVALID_INPUT when the file as a whole is unusable (empty, truncated, not
     *     the format it claims, no recognisable header); the batch is then recorded as FAILED
     */
    public IngestReport ingest(TenantId tenant, Path file, String fileName, IngestOptions options, IngestProgress progress) {
        requireNonNull(tenant, "tenant is null");
        SourceFile source = SourceFile.inspect(file, fileName, options.format(), options.charset());
        if (source.isEmpty()) {
            throw ItaException.invalidInput(Message.of("file.empty", "file", fileName));
        }
        Optional<IngestBatch> loaded = batches.publishedWithChecksum(tenant, source.sha256());
        if (loaded.isPresent()) {
            return new IngestReport(loaded.get(), true, List.of());
        }
        IngestBatch batch = batches.start(tenant, fileName, source.sha256(), source.format().lowerCaseName(), node);
        Run run = new Run(tenant, batch, options);
        try (TableSource table = source.open()) {
            run.read(table, source.size(), progress);
            return run.publish();
        } catch (IOException e) {
            run.fail(Message.of("file.unreadable"));
            throw new MalformedFileException(0, Message.of("file.unreadable"), e);
        } catch (OutOfMemoryError e) {
            // The heap filled while the file's org-years were held (until the file has been read and they are written):
            // let them go before anything else needs memory, fail the batch, and say what to do instead of dying.
            // Any other exhaustion (metaspace, threads, direct memory), or a batch already published, is not the file's.
            if (!heapExhausted(e)) {
                throw e;
            }
            long held = run.release();
            Message reason = Message.of("file.tooManyOrgYears", "orgYears", held, "heapMegabytes", Runtime.getRuntime().maxMemory() >> 20);
            if (!run.fail(reason)) {
                throw e;
            }
            throw new ItaException(ErrorCode.INVALID_INPUT, reason, e);
        } catch (RuntimeException e) {
            // Bad input (ItaException) or a fault of ours: either way nothing of the batch is published. A fault's
            // own text (SQL, versions) is not for the batch's readers: it travels on with the exception to the log.
            // The reason stored is a catalog message, so the batch's readers read it in their language.
            Message reason = e instanceof ItaException known && known.code() != ErrorCode.STORAGE_UNAVAILABLE
                    ? known.userMessage().orElse(PLATFORM_FAULT) : PLATFORM_FAULT;
            run.fail(reason);
            throw e;
        }
    }

    private static boolean heapExhausted(OutOfMemoryError e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Java heap space") || message.contains("GC overhead limit exceeded");
    }

    /** The state of one ingestion. */
    private final class Run {
        private final TenantId tenant;
        private final IngestBatch batch;
        private final IngestOptions options;
        private final OrganizationDirectory directory;
        private final Map<OrgYearKey, OrgYearValues> values = new LinkedHashMap<>();
        private final List<RowError> pendingErrors = new ArrayList<>();
        private final List<RowError> firstErrors = new ArrayList<>();
        /** What the wide columns of the current header are in each year's framework; made anew with the header. */
        private final Map<Integer, WideColumns> wideColumnsByYear = new HashMap<>();
        private long storedErrors;
        private long rowsRead;
        private long rowsRejected;
        private long accepted;
        private long derived;
        private long findings;
        private long lastHeartbeat = System.nanoTime();
        private Columns columns;

        Run(TenantId tenant, IngestBatch batch, IngestOptions options) {
            this.tenant = tenant;
            this.batch = batch;
            this.options = options;
            this.directory = new OrganizationDirectory(organizations.all(tenant), geography, options.similarNames());
        }

        void read(TableSource table, long totalBytes, IngestProgress progress) {
            columns = Columns.of(table.header());
            for (SourceRow row = table.next(); row != null; row = table.next()) {
                if (table.header().size() != columns.size()) {
                    columns = Columns.of(table.header());
                    wideColumnsByYear.clear();
                }
                rowsRead++;
                List<RowError> errors = readRow(row);
                if (!errors.isEmpty()) {
                    rowsRejected++;
                    errors.forEach(this::error);
                }
                if (rowsRead % PROGRESS_EVERY == 0) {
                    progress.update(table.bytesRead(), totalBytes, rowsRead);
                    heartbeat();
                }
            }
            progress.update(totalBytes, totalBytes, rowsRead);
            if (rowsRead == 0) {
                throw ItaException.invalidInput(batch.fileName() + ": the file has a header but no data rows");
            }
        }

        private List<RowError> readRow(SourceRow row) {
            List<RowError> errors = new ArrayList<>();
            if (columns.isLong() && row.cells().size() < columns.size() && (row.cell(columns.metric()) == null || row.cell(columns.value()) == null)) {
                return List.of(RowError.of(row.line(), "", String.join(",", row.cells()), "MISSING_COLUMNS",
                        Message.of("row.MISSING_COLUMNS", "cells", row.cells().size(), "columns", columns.size())));
            }
            String yearCell = columns.cell(row, ColumnRole.YEAR);
            OptionalInt year = FiscalYear.parseBuddhistEra(yearCell);
            if (year.isEmpty()) {
                return List.of(RowError.of(row.line(), "year", yearCell, "INVALID_YEAR", Message.of("row.INVALID_YEAR")));
            }
            Optional<Framework> framework = frameworks.forYear(year.getAsInt());
            if (framework.isEmpty()) {
                return List.of(RowError.of(row.line(), "year", yearCell, "UNKNOWN_YEAR",
                        Message.of("row.UNKNOWN_YEAR", "year", year.getAsInt(), "years", frameworks.years())));
            }
            OrganizationDirectory.Resolution organization = directory.resolve(row.line(), new OrganizationDirectory.Cells(
                    columns.cell(row, ColumnRole.ORGANIZATION_CODE), columns.cell(row, ColumnRole.ORGANIZATION_NAME),
                    columns.cell(row, ColumnRole.ORGANIZATION_NAME_EN), columns.cell(row, ColumnRole.ORGANIZATION_TYPE),
                    columns.cell(row, ColumnRole.PROVINCE), columns.cell(row, ColumnRole.DISTRICT)));
            if (!organization.found()) {
                return organization.errors();
            }
            OrgYearValues target = values.computeIfAbsent(new OrgYearKey(organization.organizationId(), year.getAsInt()),
                    key -> new OrgYearValues(framework.get()));
            if (columns.isLong()) {
                String metricCell = row.cell(columns.metric());
                if (ColumnRole.of(metricCell).filter(role -> role == ColumnRole.LEVEL).isPresent()) {
                    readLevel(row.line(), "value", row.cell(columns.value()), target, errors);
                    return errors;
                }
                if (ColumnRole.of(metricCell).filter(role -> role == ColumnRole.RANK).isPresent()) {
                    readRank(row.line(), "value", row.cell(columns.value()), target, errors);
                    return errors;
                }
                Optional<Metric> metric = framework.get().resolve(metricCell);
                if (metric.isEmpty()) {
                    errors.add(RowError.of(row.line(), "metric", metricCell, "UNKNOWN_METRIC", Message.of("row.UNKNOWN_METRIC", "year", year.getAsInt())));
                    return errors;
                }
                readScore(row.line(), "value", row.cell(columns.value()), metric.get(), target, errors);
            } else {
                WideColumns wide = wideColumns(framework.get());
                for (Map.Entry<Integer, Metric> column : wide.metrics().entrySet()) {
                    String cell = row.cell(column.getKey());
                    if (cell != null && !cell.isBlank()) {
                        readScore(row.line(), columns.header(column.getKey()), cell, column.getValue(), target, errors);
                    }
                }
                for (int column : wide.unknown()) {
                    String cell = row.cell(column);
                    if (cell != null && !cell.isBlank()) {
                        errors.add(RowError.of(row.line(), columns.header(column), cell, "UNKNOWN_METRIC",
                                Message.of("row.UNKNOWN_METRIC_COLUMN", "year", year.getAsInt())));
                    }
                }
                if (columns.has(ColumnRole.LEVEL)) {
                    String level = columns.cell(row, ColumnRole.LEVEL);
                    if (level != null && !level.isBlank()) {
                        readLevel(row.line(), columns.header(columns.index(ColumnRole.LEVEL)), level, target, errors);
                    }
                }
                if (columns.has(ColumnRole.RANK)) {
                    String rank = columns.cell(row, ColumnRole.RANK);
                    if (rank != null && !rank.isBlank()) {
                        readRank(row.line(), columns.header(columns.index(ColumnRole.RANK)), rank, target, errors);
                    }
                }
            }
            return errors;
        }

        /** The wide columns that are metrics of the year's framework, by column, and those that are not. */
        private record WideColumns(Map<Integer, Metric> metrics, List<Integer> unknown) {
        }

        private WideColumns wideColumns(Framework framework) {
            return wideColumnsByYear.computeIfAbsent(framework.year(), year -> {
                Map<Integer, Metric> metrics = new LinkedHashMap<>();
                for (int column : columns.metricColumns()) {
                    framework.resolve(columns.header(column)).ifPresent(metric -> metrics.put(column, metric));
                }
                return new WideColumns(metrics, columns.unknownMetricColumns(metrics.keySet()));
            });
        }

        private void readScore(long line, String column, String cell, Metric metric, OrgYearValues target, List<RowError> errors) {
            OptionalDouble value = ThaiNumbers.parse(cell);
            if (value.isEmpty()) {
                boolean formula = Validation.looksLikeFormula(cell);
                errors.add(RowError.of(line, column, cell, formula ? "FORMULA_NOT_ALLOWED" : "INVALID_NUMBER",
                        Message.of(formula ? "row.FORMULA_NOT_ALLOWED" : "row.INVALID_NUMBER")));
                return;
            }
            if (!Scores.inRange(value.getAsDouble())) {
                errors.add(RowError.of(line, column, cell, "OUT_OF_RANGE", Message.of("row.OUT_OF_RANGE", "value", ThaiText.clean(cell))));
                return;
            }
            RowError conflict = target.set(metric.slot(), value.getAsDouble(), line, column, cell);
            if (conflict != null) {
                errors.add(conflict);
            }
        }

        private void readLevel(long line, String column, String cell, OrgYearValues target, List<RowError> errors) {
            Optional<LevelRule> level = target.framework.levelScheme().level(ThaiText.clean(cell));
            if (level.isEmpty()) {
                errors.add(RowError.of(line, column, cell, "UNKNOWN_LEVEL", Message.of("row.UNKNOWN_LEVEL", "year", target.framework.year(),
                        "levels", target.framework.levelScheme().levels().stream().map(LevelRule::nameTh).toList())));
            } else {
                target.reportedLevel = level.get();
            }
        }

        private void heartbeat() {
            long now = System.nanoTime();
            if (now - lastHeartbeat >= HEARTBEAT_NANOS) {
                batches.heartbeat(tenant, batch.id());
                lastHeartbeat = now;
            }
        }

        private void readRank(long line, String column, String cell, OrgYearValues target, List<RowError> errors) {
            OptionalDouble rank = ThaiNumbers.parse(cell);
            if (rank.isEmpty() || rank.getAsDouble() < 1 || rank.getAsDouble() != Math.rint(rank.getAsDouble())) {
                errors.add(RowError.of(line, column, cell, "INVALID_RANK", Message.of("row.INVALID_RANK")));
            } else {
                target.reportedRank = (int) rank.getAsDouble();
            }
        }

        private void error(RowError error) {
            if (firstErrors.size() < FIRST_ERRORS) {
                firstErrors.add(error);
            }
            if (storedErrors < options.maxStoredErrors()) {
                pendingErrors.add(error);
                storedErrors++;
                if (pendingErrors.size() >= ERROR_FLUSH) {
                    flushErrors();
                }
            }
        }

        private void flushErrors() {
            batches.addErrors(tenant, batch.id(), pendingErrors);
            pendingErrors.clear();
        }

        IngestReport publish() {
            Map<Long, Long> ids = registerNewOrganizations();
            List<OrgYear> orgYears = new ArrayList<>();
            // One organization at a time, so that its current facts are read once and never all at once.
            Map<Long, List<Map.Entry<OrgYearKey, OrgYearValues>>> byOrganization = new LinkedHashMap<>();
            values.entrySet().forEach(entry -> byOrganization.computeIfAbsent(entry.getKey().organizationId(), id -> new ArrayList<>()).add(entry));
            try (ScoreFacts.Writer writer = scores.writer(tenant, batch.id())) {
                for (List<Map.Entry<OrgYearKey, OrgYearValues>> ofOrganization : byOrganization.values()) {
                    Map<Integer, List<ScoreFact>> currentByYear = null;
                    for (Map.Entry<OrgYearKey, OrgYearValues> entry : ofOrganization) {
                        if (!entry.getValue().hasScores()) {
                            continue;
                        }
                        long temporaryOrKnown = entry.getKey().organizationId();
                        long organizationId = ids.getOrDefault(temporaryOrKnown, temporaryOrKnown);
                        if (temporaryOrKnown >= 0 && currentByYear == null) {
                            currentByYear = current.ofOrganization(tenant, organizationId).stream()
                                    .filter(fact -> fact.provenance() == Provenance.REPORTED)
                                    .collect(java.util.stream.Collectors.groupingBy(ScoreFact::year));
                        }
                        List<ScoreFact> previous = currentByYear == null ? List.of() : currentByYear.getOrDefault(entry.getKey().year(), List.of());
                        write(writer, organizationId, entry.getKey().year(), entry.getValue(), previous, directory.similarNameOf(temporaryOrKnown));
                        orgYears.add(new OrgYear(organizationId, entry.getKey().year()));
                        if (orgYears.size() % PROGRESS_EVERY == 0) {
                            heartbeat();
                        }
                    }
                }
                writer.finish();
                flushErrors();
                BatchCounts counts = new BatchCounts(rowsRead, accepted, derived, rowsRejected, findings, orgYears.size());
                if (orgYears.isEmpty()) {
                    batches.fail(tenant, batch.id(), Message.of("batch.failure.noValidScores"), counts);
                    scores.discard(tenant, batch.id());
                } else {
                    // Aliases are written under the batch too, before it is published: visible with it or not at all.
                    directory.newAliases().forEach((id, aliases) -> organizations.addAliases(tenant, batch.id(), id, aliases));
                    batches.publish(tenant, batch.id(), orgYears, counts);
                }
            }
            return new IngestReport(batches.batch(tenant, batch.id()).orElseThrow(), false, firstErrors);
        }

        /** Writes one org-year: what it carries forward, its reported and derived facts, its published level and rank, its findings. */
        private void write(ScoreFacts.Writer writer, long organizationId, int year, OrgYearValues orgYear, List<ScoreFact> previous,
                           Optional<OrganizationDirectory.SimilarName> similar) {
            List<Metric> metrics = orgYear.framework.metrics();
            DataQualityFinding carried = carryForward(organizationId, year, orgYear, previous);
            if (carried != null) {
                writer.add(carried);
                findings++;
            }
            if (similar.isPresent()) {
                writer.add(new DataQualityFinding(organizationId, year, "organization", DataQualityFinding.Kind.SIMILAR_NAME,
                        similar.get().newName(), similar.get().knownName(), similar.get().message()));
                findings++;
            }
            double[] values = orgYear.bySlot();
            DeriveScores.Derivation derivation = DeriveScores.deriveForStorage(orgYear.framework, organizationId, year, values, orgYear.reportedLevel);
            for (int slot = 0; slot < metrics.size(); slot++) {
                if (!Double.isNaN(values[slot])) {
                    writer.add(new ScoreFact(organizationId, year, metrics.get(slot).code(), values[slot], Provenance.REPORTED));
                    if (!orgYear.carried(slot)) {
                        accepted++;
                    }
                }
                if (!Double.isNaN(derivation.derived()[slot])) {
                    writer.add(new ScoreFact(organizationId, year, metrics.get(slot).code(), derivation.derived()[slot], Provenance.DERIVED));
                    derived++;
                }
            }
            if (orgYear.reportedLevel != null) {
                writer.add(new ScoreFact(organizationId, year, Metric.REPORTED_LEVEL,
                        orgYear.framework.levelScheme().position(orgYear.reportedLevel), Provenance.REPORTED));
                accepted++;
            }
            if (orgYear.reportedRank != null) {
                writer.add(new ScoreFact(organizationId, year, Metric.REPORTED_RANK, orgYear.reportedRank, Provenance.REPORTED));
                accepted++;
            }
            for (DataQualityFinding finding : derivation.findings()) {
                writer.add(finding);
                findings++;
            }
        }

        /**
         * Loads never erase: what the org-year's current batch reported and this batch's rows do not carry
         * (the indicators, tools and items under a row of total and level alone) is carried into this batch,
         * so the batch still replaces the org-year as a whole and nothing is lost. Returns the finding that
         * records it (with the batch it came from), or null when nothing was carried.
         */
        private DataQualityFinding carryForward(long organizationId, int year, OrgYearValues orgYear, List<ScoreFact> previous) {
            List<String> carried = new ArrayList<>();
            for (ScoreFact fact : previous) {
                if (fact.metric().equals(Metric.REPORTED_LEVEL)) {
                    if (orgYear.reportedLevel == null) {
                        orgYear.reportedLevel = orgYear.framework.levelScheme().atPosition((int) Math.round(fact.value())).orElse(null);
                        if (orgYear.reportedLevel != null) {
                            carried.add(fact.metric());
                        }
                    }
                    continue;
                }
                if (fact.metric().equals(Metric.REPORTED_RANK)) {
                    if (orgYear.reportedRank == null) {
                        orgYear.reportedRank = (int) Math.round(fact.value());
                        carried.add(fact.metric());
                    }
                    continue;
                }
                Optional<Metric> metric = orgYear.framework.metric(fact.metric());
                if (metric.isPresent() && orgYear.carry(metric.get().slot(), fact.value())) {
                    carried.add(fact.metric());
                }
            }
            if (carried.isEmpty()) {
                return null;
            }
            String probe = carried.stream().filter(code -> !code.startsWith("reported_")).findFirst().orElse(Metric.TOTAL);
            String source = history.of(tenant, organizationId, year, probe).stream().filter(ScoreHistory.HistoricalScore::current)
                    .map(h -> String.valueOf(h.batchId())).findFirst().orElse("?");
            // reported: how many metrics were carried; derived: the batch they were carried from (finding.CARRIED_FORWARD).
            return new DataQualityFinding(organizationId, year, "*", DataQualityFinding.Kind.CARRIED_FORWARD, Integer.toString(carried.size()),
                    source, "carried " + carried.size() + " metrics the file does not give from batch " + source + " ("
                            + String.join(", ", carried.size() > 8 ? carried.subList(0, 8) : carried) + (carried.size() > 8 ? ", …" : "") + ")");
        }

        /** Registers the organizations this batch keeps scores for, under the batch, all or none; temporary id → real id. */
        private Map<Long, Long> registerNewOrganizations() {
            Map<Long, NewOrganization> pending = directory.pending();
            if (pending.isEmpty()) {
                return Map.of();
            }
            Map<Long, NewOrganization> used = new LinkedHashMap<>();
            values.forEach((key, orgYear) -> {
                if (key.organizationId() < 0 && orgYear.hasScores()) {
                    used.put(key.organizationId(), pending.get(key.organizationId()));
                }
            });
            List<Long> temporaryIds = List.copyOf(used.keySet());
            List<Organization> registered = organizations.register(tenant, batch.id(), used.values());
            Map<Long, Long> ids = new HashMap<>();
            for (int i = 0; i < temporaryIds.size(); i++) {
                ids.put(temporaryIds.get(i), registered.get(i).id());
            }
            return ids;
        }

        /** Drops the values held for the file's org-years; returns how many there were. */
        long release() {
            long held = values.size();
            values.clear();
            wideColumnsByYear.clear();
            return held;
        }

        /** Fails the batch if it is still loading; whether this call failed it. */
        boolean fail(Message reason) {
            try {
                flushErrors();
                if (batches.fail(tenant, batch.id(), reason, new BatchCounts(rowsRead, 0, 0, rowsRejected, 0, 0))) {
                    scores.discard(tenant, batch.id());
                    return true;
                }
                return false;
            } catch (RuntimeException | OutOfMemoryError suppressed) {
                // The original failure is the one to report; the batch stays LOADING until its heartbeat goes stale
                // (or this node starts again), and then clean-up fails it.
                return false;
            }
        }
    }

    private record OrgYearKey(long organizationId, int year) {
    }

    /**
     * The reported values of one org-year by metric slot. Every org-year of a file is held until the file has been read
     * (a duplicate or a conflict can come on any later line), so this is compact: only slots that have had a value take
     * room, in the order they came, and a value that is a whole number of hundredths up to 655.35 (every published ITA
     * figure) takes two bytes; any other value turns the org-year's values into exact doubles.
     */
    private static final class OrgYearValues {
        /** The line of a value carried forward from the batch this one replaces. */
        private static final int CARRIED = Integer.MIN_VALUE;
        private static final int FIRST_CAPACITY = 16;
        private final Framework framework;
        /** Slot → 1 + the value's place in the arrays below; 0: the slot has had no value. */
        private final char[] place;
        /** The line each value came from; negated when it was dropped as conflicting; {@link #CARRIED} when carried. */
        private int[] lines = new int[0];
        /** The values in hundredths while every one is a whole number of them (else null, and {@link #exact} holds them). */
        private char[] hundredths = new char[0];
        private double[] exact;
        private int size;
        private LevelRule reportedLevel;
        private Integer reportedRank;

        OrgYearValues(Framework framework) {
            if (framework.metrics().size() >= Character.MAX_VALUE) {
                throw new IllegalArgumentException("a framework of " + framework.metrics().size() + " metrics");
            }
            this.framework = framework;
            this.place = new char[framework.metrics().size()];
        }

        /** Records a value; returns an error when the same metric came before (a duplicate, or a conflict that drops both). */
        RowError set(int slot, double value, long line, String column, String cell) {
            if (place[slot] == 0) {
                append(slot, value, line > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) line);
                return null;
            }
            int at = place[slot] - 1;
            if (lines[at] < 0) {
                return RowError.of(line, column, cell, "CONFLICTING_VALUE", Message.of("row.CONFLICTING_VALUES", "firstLine", -(long) lines[at]));
            }
            double first = value(at);
            if (Double.compare(first, value) == 0) {
                return RowError.of(line, column, cell, "DUPLICATE", Message.of("row.DUPLICATE", "firstLine", lines[at]));
            }
            Message message = Message.of("row.CONFLICTING_VALUE", "other", Scores.format(first), "firstLine", lines[at]);
            lines[at] = -lines[at];
            return RowError.of(line, column, cell, "CONFLICTING_VALUE", message);
        }

        boolean carried(int slot) {
            return place[slot] != 0 && lines[place[slot] - 1] == CARRIED;
        }

        /** Takes a value the batch it replaces had, where this batch has none (and did not drop one as conflicting). */
        boolean carry(int slot, double value) {
            if (place[slot] != 0) {
                return false;
            }
            append(slot, value, CARRIED);
            return true;
        }

        boolean hasScores() {
            for (int at = 0; at < size; at++) {
                if (kept(at)) {
                    return true;
                }
            }
            return false;
        }

        /** The values by slot; NaN where there is none (not reported, or dropped as conflicting). */
        double[] bySlot() {
            double[] values = new double[place.length];
            Arrays.fill(values, Double.NaN);
            for (int slot = 0; slot < place.length; slot++) {
                int at = place[slot] - 1;
                if (at >= 0 && kept(at)) {
                    values[slot] = value(at);
                }
            }
            return values;
        }

        private boolean kept(int at) {
            return lines[at] > 0 || lines[at] == CARRIED;
        }

        private double value(int at) {
            return hundredths != null ? hundredths[at] / 100.0 : exact[at];
        }

        private void append(int slot, double value, int line) {
            if (size == lines.length) {
                int capacity = Math.min(place.length, Math.max(FIRST_CAPACITY, size * 2));
                lines = Arrays.copyOf(lines, capacity);
                if (hundredths != null) {
                    hundredths = Arrays.copyOf(hundredths, capacity);
                } else {
                    exact = Arrays.copyOf(exact, capacity);
                }
            }
            long whole = Scores.wholeHundredths(value);
            if (hundredths != null && (whole < 0 || whole > Character.MAX_VALUE || Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0))) {
                exact = new double[lines.length];
                for (int at = 0; at < size; at++) {
                    exact[at] = hundredths[at] / 100.0;
                }
                hundredths = null;
            }
            if (hundredths != null) {
                hundredths[size] = (char) whole;
            } else {
                exact[size] = value;
            }
            lines[size] = line;
            place[slot] = (char) (size + 1);
            size++;
        }
    }
}
