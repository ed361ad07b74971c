package dev.provingground.server.api;

import dev.provingground.report.BundleRefusedException;
import dev.provingground.report.ReportGenerator;
import dev.provingground.report.pdf.ReportFonts;
import dev.provingground.report.text.Language;
import dev.provingground.server.auth.Principal;
import dev.provingground.server.sites.SiteCatalog;
import dev.provingground.site.Site;
import dev.provingground.trackrecord.log.LogId;
import dev.provingground.trackrecord.TrackRecordStore;
import dev.provingground.trackrecord.export.ExportQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import dev.provingground.server.errors.NotFoundException;
import dev.provingground.trackrecord.export.ProgressListener;
import java.io.IOException;
import java.util.concurrent.CompletionException;

/**
 * The track record over HTTP: signed checkpoints, the verifier key, RFC 9162 proofs, export bundles and their PDF
 * reports. Each works
 * on a site's log, or with {@code firm=F} on that firm's log at the site; a vendor may read only its own firm's
 * logs. Reads of the store and exports run on worker threads.
 */
final class LogRoutes {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final TrackRecordStore store;
    private final SiteCatalog sites;
    private final Path exportDir;
    private ReportGenerator reports;

    LogRoutes(TrackRecordStore store, SiteCatalog sites, Path exportDir) {
        this.store = store;
        this.sites = sites;
        this.exportDir = exportDir;
    }

    void mount(Router router) {
        router.get("/api/v1/sites/:site/log/checkpoint").handler(this::checkpoint);
        router.get("/api/v1/sites/:site/log/key").handler(this::key);
        router.get("/api/v1/sites/:site/log/proof/inclusion").handler(this::inclusion);
        router.get("/api/v1/sites/:site/log/proof/consistency").handler(this::consistency);
        router.get("/api/v1/reports/export").handler(this::export);
        router.get("/api/v1/reports/pdf").handler(this::pdf);
    }

    private LogId log(RoutingContext ctx, String site) {
        if (site == null || site.isBlank()) throw ApiError.badRequest("site", "required");
        if (sites.find(site).isEmpty()) throw new NotFoundException("no site \"" + site + "\"");
        String firm = ctx.queryParams().get("firm");
        Principal p = BearerAuth.principal(ctx);
        if (firm == null && !p.isOperator())
            throw ApiError.forbidden("a vendor token reads only its own firm's log: add firm=" + p.firm());
        if (firm != null && !LogId.isIdentifier(firm))
            throw ApiError.badRequest("firm", "must be a firm id of [A-Za-z0-9._-], got \"" + firm + "\"");
        if (firm != null && !p.mayActFor(firm))
            throw ApiError.forbidden("a vendor token of firm \"" + p.firm() + "\" cannot read the log of \"" + firm + "\"");
        return firm == null ? LogId.siteLog(site) : LogId.firmLog(site, firm);
    }

    /**
     * Blocking: makes everything handed to the store before this request durable, so a read right after an event was
     * published sees it, then requires the log to exist.
     */
    private LogId present(LogId log) {
        store.flush().join();
        if (!store.logs().contains(log))
            throw new NotFoundException("no track record yet for " + log.origin());
        return log;
    }

    private void checkpoint(RoutingContext ctx) {
        LogId log = log(ctx, ctx.pathParam("site"));
        ctx.vertx().executeBlocking(() -> store.checkpointNow(present(log)).join().note())
                .onSuccess(note -> ctx.response().putHeader("content-type", "text/plain; charset=utf-8").end(note))
                .onFailure(ctx::fail);
    }

    private void key(RoutingContext ctx) {
        LogId log = log(ctx, ctx.pathParam("site"));
        ctx.vertx().executeBlocking(() -> present(log)).onSuccess(present -> ctx.response()
                        .putHeader("content-type", "text/plain; charset=utf-8").end(store.verifierKey().encoded() + "\n"))
                .onFailure(ctx::fail);
    }

    private void inclusion(RoutingContext ctx) {
        LogId log = log(ctx, ctx.pathParam("site"));
        long index = number(ctx, "index");
        long size = number(ctx, "size");
        if (index >= size) throw ApiError.badRequest("index", "must be below size " + size + ", got " + index);
        ctx.vertx().executeBlocking(() -> store.inclusionProof(present(log), index, size)).onSuccess(proof -> ctx.json(
                        new JsonObject().put("origin", log.origin()).put("index", proof.leafIndex())
                                .put("size", proof.treeSize()).put("path", base64(proof.path()))))
                .onFailure(e -> ctx.fail(asBadRequest(e, "size")));
    }

    private void consistency(RoutingContext ctx) {
        LogId log = log(ctx, ctx.pathParam("site"));
        long from = number(ctx, "from");
        long to = number(ctx, "to");
        if (from > to) throw ApiError.badRequest("from", "must not exceed to (" + to + "), got " + from);
        ctx.vertx().executeBlocking(() -> store.consistencyProof(present(log), from, to)).onSuccess(proof -> ctx.json(
                        new JsonObject().put("origin", log.origin()).put("from", proof.fromSize())
                                .put("to", proof.toSize()).put("proof", base64(proof.proof()))))
                .onFailure(e -> ctx.fail(asBadRequest(e, "to")));
    }

    /**
     * One firm's bundle ({@code firm=F}), or for an operator without {@code firm} the site bundle: every log of the
     * site, each a bundle of its own. Written on a worker straight into the response as it is produced (chunked, no
     * length), so neither the heap nor the disk holds a whole bundle and the first bytes leave at once. A failure
     * before the first chunk is answered with an error; one after cuts the response short, which the client sees as
     * an incomplete download (a zip without its end).
     */
    private void export(RoutingContext ctx) {
        BundleRequest request = bundleRequest(ctx);
        String name = request.fileName() + ".zip";
        ResponseOutputStream body = new ResponseOutputStream(ctx.response(), ctx.vertx().getOrCreateContext(),
                () -> ctx.response().putHeader("content-type", "application/zip")
                        .putHeader("content-disposition", "attachment; filename=\"" + name + "\""));
        ctx.vertx().executeBlocking(() -> {
            writeBundle(request, body);
            // Only a whole bundle ends the response; a failure leaves it to the handler below.
            body.close();
            return null;
        }).onFailure(e -> {
            if (!body.started()) ctx.fail(asBadRequest(e, request.log().isSiteLog() ? "site" : "since"));
            else ctx.response().reset();
        });
    }

    /**
     * The PDF report of the bundle {@link #export} would send: the bundle is written, verified against this server's
     * key and drawn on a worker (PDF rendering never runs on the event loop), then sent; both files are removed after.
     */
    private void pdf(RoutingContext ctx) {
        String lang = ctx.queryParams().get("lang");
        Language language;
        try {
            language = lang == null ? Language.EN : Language.of(lang);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("lang", e.getMessage());
        }
        BundleRequest request = bundleRequest(ctx);
        if (request.log().isSiteLog())
            throw ApiError.badRequest("firm", "required: a report is one firm's record at the site");
        ctx.vertx().executeBlocking(() -> {
            Path bundle = writeBundle(request);
            Path pdf = Files.createTempFile(exportDir, "report-", ".pdf");
            try {
                reports().write(bundle, store.verifierKey(), language, pdf);
                return pdf;
            } catch (RuntimeException | IOException | BundleRefusedException e) {
                Files.deleteIfExists(pdf);
                throw e instanceof BundleRefusedException ? new IllegalStateException(e.getMessage(), e) : e;
            } finally {
                Files.deleteIfExists(bundle);
            }
        }).onSuccess(pdf -> send(ctx, pdf, "application/pdf", request.fileName() + ".pdf"))
                .onFailure(e -> ctx.fail(asBadRequest(e, "since")));
    }

    /** The report generator, made on first use (on a worker: it reads the font). */
    private synchronized ReportGenerator reports() {
        if (reports == null) {
            reports = new ReportGenerator(ReportFonts.load());
        }
        return reports;
    }

    private BundleRequest bundleRequest(RoutingContext ctx) {
        String site = ctx.queryParams().get("site");
        LogId log = log(ctx, site);
        Instant from = time(ctx, "from");
        Instant to = time(ctx, "to");
        if (from != null && to != null && !from.isBefore(to)) throw ApiError.badRequest("from", "must be before to");
        String robot = ctx.queryParams().get("robot");
        String since = ctx.queryParams().get("since");
        if (log.isSiteLog() && since != null)
            throw ApiError.badRequest("since", "a site bundle holds several logs, each with its own checkpoint: "
                    + "add firm= to export one log since a checkpoint");
        return new BundleRequest(site, log, new ExportQuery(from, to, robot == null ? Set.of() : Set.of(robot), since,
                sites.find(site).map(Site::timeZone).orElse(null)));
    }

    /** Blocking: fresh checkpoints, then the bundle (a firm's, or every log's of a site) in a temporary file. */
    private Path writeBundle(BundleRequest request) throws IOException {
        Files.createDirectories(exportDir);
        Path file = Files.createTempFile(exportDir, "export-", ".zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeBundle(request, out);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Blocking: fresh checkpoints, then the bundle (a firm's, or every log's of a site) to {@code out}. */
    private void writeBundle(BundleRequest request, OutputStream out) throws IOException {
        if (request.log().isSiteLog()) {
            store.flush().join();
            for (LogId each : store.logs()) {
                if (each.site().equals(request.site())) store.checkpointNow(each).join();
            }
            store.exportSite(request.site(), request.query(), out);
        } else {
            store.checkpointNow(present(request.log())).join();
            store.export(request.log(), request.query(), out, ProgressListener.NONE);
        }
    }

    private static void send(RoutingContext ctx, Path file, String type, String name) {
        ctx.response().putHeader("content-type", type)
                .putHeader("content-disposition", "attachment; filename=\"" + name + "\"")
                .sendFile(file.toString())
                .onComplete(done -> ctx.vertx().executeBlocking(() -> Files.deleteIfExists(file)));
    }

    private record BundleRequest(String site, LogId log, ExportQuery query) {

        String fileName() {
            return log.isSiteLog() ? "site_" + site : log.origin().replace('/', '_');
        }
    }

    private static Throwable asBadRequest(Throwable e, String field) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof IllegalArgumentException ? ApiError.badRequest(field, t.getMessage()) : t;
    }

    private static long number(RoutingContext ctx, String name) {
        String text = ctx.queryParams().get(name);
        if (text == null) throw ApiError.badRequest(name, "required");
        try {
            long v = Long.parseLong(text);
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, "must be a whole number >= 0, got \"" + text + "\"");
        }
    }

    private static Instant time(RoutingContext ctx, String name) {
        String text = ctx.queryParams().get(name);
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name, "must be an ISO 8601 UTC time like 2026-11-22T09:00:00Z, got \"" + text + "\"");
        }
    }

    private static JsonArray base64(List<byte[]> hashes) {
        JsonArray out = new JsonArray();
        hashes.forEach(h -> out.add(B64.encodeToString(h)));
        return out;
    }
}
