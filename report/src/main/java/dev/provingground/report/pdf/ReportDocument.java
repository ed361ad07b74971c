package dev.provingground.report.pdf;

import dev.provingground.report.charts.DailyBarChart;
import dev.provingground.report.charts.SpeedChart;
import dev.provingground.report.charts.TrackMap;
import dev.provingground.report.model.EventList;
import dev.provingground.report.model.EventListKind;
import dev.provingground.report.model.LevelTrack;
import dev.provingground.report.model.ListedEvent;
import dev.provingground.report.model.ReportModel;
import dev.provingground.report.model.RobotFigures;
import dev.provingground.report.model.SpeedHistogram;
import dev.provingground.report.text.Messages;
import dev.provingground.trackrecord.kpi.Metric;
import dev.provingground.trackrecord.verify.BundleFacts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes a {@link ReportModel} as a PDF/A-3b document in one language, with the bundle attached. */
public final class ReportDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final float BODY = 9.5f;
    private static final float SMALL = 8f;

    private final ReportFonts fonts;

    public ReportDocument(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** Renders the report of {@code model} to {@code out}, attaching {@code bundle} (the file the model was read from). */
    public void write(ReportModel model, Messages text, Path bundle, OutputStream out) throws IOException {
        // The attached bundle can be hundreds of megabytes: PDFBox keeps streams past the first 32 MiB in temporary files.
        try (PDDocument document = new PDDocument(MemoryUsageSetting.setupMixed(32L << 20).streamCache)) {
            ReportFonts.PdfFonts pdfFonts = fonts.embedIn(document);
            Instant date = model.asOf() != null ? model.asOf() : Instant.EPOCH;
            String title = text.get("title") + " — " + model.facts().origin();
            PdfArchive.declare(document, title, text.get("subtitle"), text.language().locale().toLanguageTag(), date,
                    documentId(model, text));
            PdfArchive.attach(document, bundle, model.bundleFileName(), model.facts().origin() + " track-record bundle", date);
            try (PageFlow flow = new PageFlow(document, pdfFonts)) {
                cover(flow, model, text);
                summary(flow, model, text);
                robots(flow, model, text);
                charts(document, flow, model, text);
                maps(document, flow, model, text);
                lists(flow, model, text);
                howToVerify(flow, model, text);
            }
            PageFlow.footers(document, pdfFonts, model.facts().origin() + " · " + model.facts().treeSize() + " · "
                    + model.bundleSha256().substring(0, 16), (page, pages) -> text.get("page", page, pages));
            document.save(out);
        }
    }

    /** The same bundle and language give the same id; another bundle or language another one. */
    private static byte[] documentId(ReportModel model, Messages text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(HEX.parseHex(model.bundleSha256()));
            digest.update(text.language().code().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(digest.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void cover(PageFlow flow, ReportModel model, Messages text) throws IOException {
        BundleFacts facts = model.facts();
        flow.newPage();
        flow.space(40);
        flow.paragraph(text.get("title"), 26, true, PageFlow.INK);
        flow.space(4);
        flow.paragraph(text.get("subtitle"), 12, false, PageFlow.MUTED);
        flow.space(24);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(text.get("cover.firm"), model.firm() == null ? "—" : model.firm()));
        rows.add(List.of(text.get("cover.site"), model.site()));
        rows.add(List.of(text.get("cover.period"), period(model, text)));
        rows.add(List.of(text.get("cover.robots"), model.robots().isEmpty() ? "—"
                : String.join(", ", model.robots().stream().map(RobotFigures::robot).toList())));
        long count = facts.end() - facts.start();
        rows.add(List.of(text.get("cover.events"), count == 0 ? "0"
                : count + " (" + facts.start() + " … " + (facts.end() - 1) + ")"));
        rows.add(List.of(text.get("cover.logOrigin"), facts.origin()));
        rows.add(List.of(text.get("cover.treeSize"), Long.toString(facts.treeSize())));
        rows.add(List.of(text.get("cover.rootHash"), HEX.formatHex(facts.checkpoint().checkpoint().rootHash())));
        rows.add(List.of(text.get("cover.key"), facts.key().encoded()));
        rows.add(List.of(text.get("cover.keyFingerprint"), sha256(facts.key().rawPublicKey())));
        rows.add(List.of(text.get("cover.keySource"), text.get(facts.keyPinned() ? "cover.keyPinned" : "cover.keyFromBundle")));
        rows.add(List.of(text.get("cover.bundleHash"), model.bundleSha256()));
        flow.table(new float[]{0.3f, 0.7f}, null, rows, new boolean[2], BODY);
        flow.paragraph(text.get("cover.checkpoint"), BODY, true, PageFlow.INK);
        for (String line : facts.checkpoint().note().strip().split("\n")) {
            flow.paragraph(line, SMALL, false, PageFlow.MUTED);
        }
        flow.space(12);
        flow.paragraph(text.get("cover.verified"), BODY, false, PageFlow.INK);
        flow.paragraph(text.get("cover.attachment", model.bundleFileName()), BODY, false, PageFlow.INK);
        flow.paragraph(text.get("cover.generated", model.asOf() == null ? "—" : TIME.format(model.asOf())), BODY, false,
                PageFlow.INK);
        flow.heading(text.get("identity.title"), 13);
        flow.paragraph(text.get("identity.absent"), BODY, false, PageFlow.MUTED);
    }

    /** The period the bundle was exported for; an open end says so and gives the first or last event's time. */
    private static String period(ReportModel model, Messages text) {
        var scope = model.facts().scope();
        String from = scope.from() != null ? TIME.format(scope.from())
                : text.get("cover.period.open", model.firstEvent() == null ? "—" : TIME.format(model.firstEvent()));
        String to = scope.to() != null ? TIME.format(scope.to())
                : text.get("cover.period.open", model.asOf() == null ? "—" : TIME.format(model.asOf()));
        return from + " — " + to;
    }

    private void summary(PageFlow flow, ReportModel model, Messages text) throws IOException {
        flow.newPage();
        flow.heading(text.get("summary.title"), 16);
        flow.paragraph(text.get("summary.note"), SMALL, false, PageFlow.MUTED);
        flow.space(6);
        List<List<String>> rows = new ArrayList<>();
        for (Metric metric : model.kpis().metrics()) {
            rows.add(List.of(metric.name(), metric.value() == null ? text.get("summary.undefined")
                    : metric.value().toPlainString(), metric.unit()));
        }
        flow.table(new float[]{0.55f, 0.25f, 0.2f},
                List.of(text.get("summary.metric"), text.get("summary.value"), text.get("summary.unit")), rows,
                new boolean[]{false, true, false}, BODY);
    }

    private void robots(PageFlow flow, ReportModel model, Messages text) throws IOException {
        flow.heading(text.get("robots.title"), 16);
        List<List<String>> rows = new ArrayList<>();
        for (RobotFigures robot : model.robots()) {
            rows.add(List.of(robot.robot(), decimals(robot.distanceKm(), 3), decimals(robot.operatingHours(), 2),
                    Long.toString(robot.events()), Long.toString(robot.interventions()), Long.toString(robot.incidents()),
                    Long.toString(robot.violations()), Long.toString(robot.overspeeds()), Long.toString(robot.linkLosses()),
                    robot.maxSpeed() == null ? "—" : String.format(Locale.ROOT, "%.2f", robot.maxSpeed())));
        }
        List<String> header = List.of(text.get("robots.robot"), text.get("robots.distance"), text.get("robots.hours"),
                text.get("robots.events"), text.get("robots.interventions"), text.get("robots.incidents"),
                text.get("robots.violations"), text.get("robots.overspeeds"), text.get("robots.linkLosses"),
                text.get("robots.maxSpeed"));
        boolean[] right = new boolean[header.size()];
        Arrays.fill(right, 1, right.length, true);
        flow.table(new float[]{0.19f, 0.1f, 0.09f, 0.08f, 0.09f, 0.08f, 0.08f, 0.08f, 0.1f, 0.11f}, header, rows, right, SMALL);
    }

    private void charts(PDDocument document, PageFlow flow, ReportModel model, Messages text) throws IOException {
        flow.newPage();
        flow.heading(text.get("charts.title"), 16);
        DailyBarChart bars = new DailyBarChart(fonts.awt());
        flow.figure(text.get("chart.distance"), BODY,
                image(document, bars.draw(model.distancePerDay().filled(), text.get("chart.empty"))));
        flow.figure(text.get("chart.interventions"), BODY,
                image(document, bars.draw(model.interventionsPerDay().filled(), text.get("chart.empty"))));
        SpeedHistogram speeds = model.speeds();
        String caps = speeds.caps().isEmpty() ? text.get("chart.speed.noCap") : String.join(", ", speeds.sortedCaps().stream()
                .map(cap -> text.get("chart.speed.cap", String.format(Locale.ROOT, "%.2f", cap))).toList());
        flow.figure(text.get("chart.speed") + " — " + speeds.samples() + " " + text.get("chart.samples") + "; " + caps, BODY,
                image(document, new SpeedChart(fonts.awt()).draw(speeds.counts(), SpeedHistogram.BIN, speeds.sortedCaps(),
                        text.get("chart.empty"))));
    }

    private void maps(PDDocument document, PageFlow flow, ReportModel model, Messages text) throws IOException {
        flow.newPage();
        flow.heading(text.get("maps.title"), 16);
        if (model.levels().isEmpty()) {
            flow.paragraph(text.get("maps.none"), BODY, false, PageFlow.MUTED);
            return;
        }
        TrackMap map = new TrackMap(fonts.awt());
        for (LevelTrack level : model.levels()) {
            flow.figure(text.get("maps.level", level.mapId(), Long.toString(level.samples()), metres(level.minX()),
                    metres(level.maxX()), metres(level.minY()), metres(level.maxY())), BODY,
                    image(document, map.draw(level, model.robotOrder())));
        }
    }

    private void lists(PageFlow flow, ReportModel model, Messages text) throws IOException {
        flow.newPage();
        flow.heading(text.get("lists.title"), 16);
        flow.paragraph(text.get("lists.note"), SMALL, false, PageFlow.MUTED);
        for (EventListKind kind : EventListKind.values()) {
            EventList list = model.lists().get(kind);
            flow.heading(text.get(kind.titleKey()) + " (" + list.total() + ")", 12);
            if (list.total() == 0) {
                flow.paragraph(text.get("lists.empty"), BODY, false, PageFlow.MUTED);
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (ListedEvent line : list.lines()) {
                String details = kind == EventListKind.LINK_LOSSES ? linkLoss(line, text) : line.details();
                rows.add(List.of(Long.toString(line.leafIndex()), TIME.format(line.time()),
                        line.robot() == null ? "—" : line.robot(), details));
            }
            flow.table(new float[]{0.1f, 0.22f, 0.18f, 0.5f}, List.of(text.get("lists.index"), text.get("lists.time"),
                    text.get("lists.robot"), text.get("lists.details")), rows, new boolean[]{true, false, false, false}, SMALL);
            if (list.leftOut() > 0) {
                flow.paragraph(text.get("lists.truncated", Long.toString(list.leftOut())), SMALL, false, PageFlow.MUTED);
            }
        }
    }

    private static String linkLoss(ListedEvent line, Messages text) {
        String lasted = line.lasted() == null ? text.get("link.notRestored") : text.get("link.restored", duration(line.lasted()));
        return line.details().isEmpty() ? lasted : lasted + " — " + line.details();
    }

    private void howToVerify(PageFlow flow, ReportModel model, Messages text) throws IOException {
        flow.newPage();
        flow.heading(text.get("verify.title"), 16);
        flow.paragraph(text.get("verify.p1"), BODY, false, PageFlow.INK);
        flow.space(6);
        String[] steps = {"verify.step1", "verify.step2", "verify.step3", "verify.step4", "verify.step5"};
        for (int i = 0; i < steps.length; i++) {
            flow.paragraph((i + 1) + ". " + text.get(steps[i], text.language().code()), BODY, false, PageFlow.INK);
            flow.space(4);
        }
        flow.space(6);
        flow.paragraph(text.get("verify.p2"), BODY, false, PageFlow.INK);
        flow.space(10);
        flow.paragraph(text.get("cover.bundleHash") + ": " + model.bundleSha256(), SMALL, false, PageFlow.MUTED);
        flow.paragraph(text.get("cover.rootHash") + ": " + HEX.formatHex(model.facts().checkpoint().checkpoint().rootHash()),
                SMALL, false, PageFlow.MUTED);
        flow.paragraph(text.get("cover.treeSize") + ": " + model.facts().treeSize(), SMALL, false, PageFlow.MUTED);
    }

    private static PDImageXObject image(PDDocument document, BufferedImage image) throws IOException {
        return FlateImages.of(document, image);
    }

    private static String decimals(BigDecimal value, int places) {
        return value == null ? "—" : value.setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String metres(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : seconds >= 60 ? String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
