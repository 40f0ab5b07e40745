package dev.o2c.writers.out;

import dev.o2c.domain.figures.Allowance;
import dev.o2c.domain.figures.CollectionsWorklist;
import dev.o2c.domain.figures.CreditExposure;
import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.MonthEndFigures.CeiFigures;
import dev.o2c.domain.figures.MonthEndFigures.CollectionsFigures;
import dev.o2c.domain.figures.MonthEndFigures.ExposureFigures;
import dev.o2c.domain.figures.Trend;
import dev.o2c.domain.figures.MonthEndFigures.AgingFigures;
import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.figures.MonthEndFigures.CashApplicationFigures;
import dev.o2c.domain.figures.MonthEndFigures.CurrencyRollForward;
import dev.o2c.domain.figures.MonthEndFigures.DsoFigures;
import dev.o2c.domain.figures.MonthEndFigures.RollForward;
import dev.o2c.domain.figures.MonthEndFigures.Share;
import dev.o2c.domain.figures.MonthEndFigures.TimeToApply;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kpis.json} (CONTRACTS.md section 3.1): amounts and ratios as strings holding
 * exact decimals, counts and day counts of the period as numbers, figures a formula
 * could not give as null. The same text is the run's snapshot in the store, and
 * {@link #read} turns it back into the figures the report pack shows.
 */
public final class KpisJson {

    private KpisJson() {
    }

    public static String write(MonthEndFigures f) {
        ObjectNode root = Json.object();
        root.put("as_of", f.asOf().toString());
        root.put("functional_currency", f.functionalCurrency().getCurrencyCode());

        ObjectNode aging = root.putObject("aging");
        aging.put("basis", f.aging().basis());
        ArrayNode buckets = aging.putArray("buckets");
        for (BucketAmount b : f.aging().buckets()) {
            buckets.addObject().put("label", b.label()).put("amount", b.amount().toPlainString());
        }
        aging.put("total_open", f.aging().totalOpen().toPlainString());
        aging.put("unapplied_cash", f.aging().unappliedCash().toPlainString());
        if (f.aging().disputed() != null) {
            aging.put("disputed", f.aging().disputed().toPlainString());
            aging.put("disputed_items", f.aging().disputedItems());
        }

        DsoFigures d = f.dso();
        ObjectNode dso = root.putObject("dso");
        dso.put("period_start", d.periodStart().toString());
        dso.put("period_end", d.periodEnd().toString());
        dso.put("days", d.days());
        dso.put("credit_sales", d.creditSales().toPlainString());
        dso.put("beginning_ar", d.beginningAr().toPlainString());
        dso.put("ending_ar", d.endingAr().toPlainString());
        dso.put("current_ar", d.currentAr().toPlainString());
        dso.put("standard", text(d.standard()));
        dso.put("average_ar", text(d.averageAr()));
        dso.put("countback", text(d.countback()));
        dso.put("best_possible", text(d.bestPossible()));
        dso.put("average_days_delinquent", text(d.averageDaysDelinquent()));
        dso.put("rolling_three_month", text(d.rollingThreeMonth()));

        root.put("cei", text(f.cei()));

        cashApplication(root.putObject("cash_application"), f.cashApplication());

        RollForward r = f.rollforward();
        ObjectNode rf = root.putObject("rollforward");
        rf.put("opening_ar", r.openingAr().toPlainString());
        rf.put("invoiced", r.invoiced().toPlainString());
        rf.put("credit_memos", r.creditMemos().toPlainString());
        rf.put("cash_applied", r.cashApplied().toPlainString());
        rf.put("write_offs", r.writeOffs().toPlainString());
        rf.put("fx_revaluation", r.fxRevaluation().toPlainString());
        rf.put("closing_ar", r.closingAr().toPlainString());
        rf.put("difference", r.difference().toPlainString());

        ArrayNode byCurrency = root.putArray("rollforward_by_currency");
        for (CurrencyRollForward cr : f.rollforwardByCurrency()) {
            byCurrency.addObject()
                    .put("currency", cr.currency().getCurrencyCode())
                    .put("opening_ar", cr.openingAr().toPlainString())
                    .put("invoiced", cr.invoiced().toPlainString())
                    .put("credit_memos", cr.creditMemos().toPlainString())
                    .put("cash_applied", cr.cashApplied().toPlainString())
                    .put("closing_ar", cr.closingAr().toPlainString())
                    .put("difference", cr.difference().toPlainString());
        }
        if (f.ceiQuarter() != null) {
            CeiFigures q = f.ceiQuarter();
            root.putObject("cei_quarter")
                    .put("period_start", q.periodStart().toString())
                    .put("period_end", q.periodEnd().toString())
                    .put("beginning_ar", q.beginningAr().toPlainString())
                    .put("credit_sales", q.creditSales().toPlainString())
                    .put("ending_ar", q.endingAr().toPlainString())
                    .put("ending_current_ar", q.endingCurrentAr().toPlainString())
                    .put("cei", text(q.cei()));
        }
        if (f.allowance() != null) {
            ObjectNode allowance = root.putObject("allowance");
            ArrayNode lines = allowance.putArray("buckets");
            for (Allowance.Line l : f.allowance().lines()) {
                lines.addObject().put("label", l.label()).put("balance", l.balance().toPlainString())
                        .put("rate_percent", l.ratePercent().toPlainString()).put("allowance", l.allowance().toPlainString());
            }
            allowance.put("total", f.allowance().total().toPlainString());
        }
        if (f.creditExposure() != null) {
            ExposureFigures e = f.creditExposure();
            ObjectNode exposure = root.putObject("credit_exposure");
            exposure.put("customers_with_limit", e.customersWithLimit());
            exposure.put("over_limit_count", e.overLimit().size());
            exposure.put("over_limit_excess", e.overLimitExcess().toPlainString());
            ArrayNode over = exposure.putArray("over_limit");
            for (CreditExposure.Line l : e.overLimit()) {
                ObjectNode line = over.addObject();
                line.put("customer_id", l.customerId());
                line.put("name", l.name());
                ArrayNode members = line.putArray("members");
                l.members().forEach(members::add);
                line.put("credit_limit", l.creditLimit().toPlainString());
                line.put("currency", l.creditLimit().currencyCode());
                line.put("limit_functional", l.limitFunctional().toPlainString());
                line.put("open_ar", l.openAr().toPlainString());
                line.put("headroom", l.headroom().toPlainString());
                line.put("utilisation", text(l.utilisation()));
            }
        }
        if (f.collections() != null) {
            CollectionsFigures c2 = f.collections();
            ObjectNode collections = root.putObject("collections");
            collections.put("overdue_items", c2.overdueItems());
            collections.put("overdue_amount", c2.overdueAmount().toPlainString());
            ArrayNode levels = collections.putArray("by_dunning_level");
            for (CollectionsWorklist.Level l : c2.byLevel()) {
                levels.addObject().put("level", l.level()).put("items", l.items()).put("amount", l.amount().toPlainString());
            }
        }
        if (!f.trend().isEmpty()) {
            ArrayNode trend = root.putArray("trend");
            for (Trend.Point p : f.trend()) {
                ObjectNode point = trend.addObject();
                point.put("as_of", p.asOf().toString());
                point.put("total_open", p.totalOpen().toPlainString());
                point.put("dso_standard", text(p.dsoStandard()));
                point.put("dso_best_possible", text(p.dsoBestPossible()));
                point.put("average_days_delinquent", text(p.averageDaysDelinquent()));
                point.put("cei", text(p.cei()));
                ArrayNode mix = point.putArray("aging_mix");
                for (Trend.Share s : p.agingMix()) {
                    mix.addObject().put("label", s.label()).put("share", text(s.share()));
                }
                point.put("source", p.source());
            }
        }
        if (!f.conventions().isEmpty()) {
            ObjectNode conventions = root.putObject("conventions");
            f.conventions().forEach(conventions::put);
        }
        ArrayNode flags = root.putArray("flags");
        f.flags().forEach(flags::add);
        return Json.pretty(root);
    }

    /** The {@code cash_application} object of kpis.json, also the nightly's report of the night's credits. */
    public static void cashApplication(ObjectNode cash, CashApplicationFigures c) {
        cash.put("bank_credits_count", c.bankCreditsCount());
        cash.put("bank_credits_amount", c.bankCreditsAmount().toPlainString());
        share(cash, "auto", c.auto());
        share(cash, "suggested", c.suggested());
        share(cash, "on_account", c.onAccount());
        share(cash, "unmatched", c.unmatched());
        share(cash, "reconciled", c.reconciled());
        share(cash, "unapplied", c.unapplied());
        share(cash, "unidentified", c.unidentified());
        timeToApply(cash, "time_to_apply_auto", c.timeToApplyAuto());
        timeToApply(cash, "time_to_apply_erp", c.timeToApplyErp());
    }

    private static void timeToApply(ObjectNode node, String prefix, TimeToApply t) {
        if (t != null) {
            node.put(prefix + "_credits", t.credits());
            node.put(prefix + "_median_days", text(t.medianDays()));
            node.put(prefix + "_p90_days", text(t.p90Days()));
        }
    }

    private static TimeToApply timeToApply(JsonNode node, String prefix) {
        JsonNode credits = node.get(prefix + "_credits");
        return credits == null ? null : new TimeToApply(credits.asLong(), decimal(node.get(prefix + "_median_days")),
                decimal(node.get(prefix + "_p90_days")));
    }

    private static void share(ObjectNode node, String prefix, Share s) {
        node.put(prefix + "_count", s.count());
        node.put(prefix + "_amount", s.amount().toPlainString());
        node.put(prefix + "_rate_count", text(s.rateCount()));
        node.put(prefix + "_rate_amount", text(s.rateAmount()));
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    public static MonthEndFigures read(String json) {
        JsonNode root = Json.parse(json);
        Currency fc = Money.currency(root.get("functional_currency").asString());
        JsonNode a = root.get("aging");
        List<BucketAmount> buckets = new ArrayList<>();
        for (JsonNode b : a.get("buckets")) {
            buckets.add(new BucketAmount(b.get("label").asString(), money(b.get("amount"), fc)));
        }
        AgingFigures aging = a.get("disputed") == null
                ? new AgingFigures(a.get("basis").asString(), buckets, money(a.get("total_open"), fc), money(a.get("unapplied_cash"), fc))
                : new AgingFigures(a.get("basis").asString(), buckets, money(a.get("total_open"), fc), money(a.get("unapplied_cash"), fc),
                        money(a.get("disputed"), fc), a.get("disputed_items").asLong());
        JsonNode d = root.get("dso");
        DsoFigures dso = new DsoFigures(date(d.get("period_start")), date(d.get("period_end")), d.get("days").asInt(),
                money(d.get("credit_sales"), fc), money(d.get("beginning_ar"), fc), money(d.get("ending_ar"), fc),
                money(d.get("current_ar"), fc), decimal(d.get("standard")), decimal(d.get("average_ar")), decimal(d.get("countback")),
                decimal(d.get("best_possible")), decimal(d.get("average_days_delinquent")), decimal(d.get("rolling_three_month")));
        CashApplicationFigures cash = readCashApplication(root.get("cash_application"), fc);
        JsonNode r = root.get("rollforward");
        RollForward rf = new RollForward(money(r.get("opening_ar"), fc), money(r.get("invoiced"), fc), money(r.get("credit_memos"), fc),
                money(r.get("cash_applied"), fc), money(r.get("write_offs"), fc), money(r.get("fx_revaluation"), fc),
                money(r.get("closing_ar"), fc), money(r.get("difference"), fc));
        List<CurrencyRollForward> byCurrency = new ArrayList<>();
        for (JsonNode cr : root.get("rollforward_by_currency")) {
            Currency cur = Money.currency(cr.get("currency").asString());
            byCurrency.add(new CurrencyRollForward(cur, money(cr.get("opening_ar"), cur), money(cr.get("invoiced"), cur),
                    money(cr.get("credit_memos"), cur), money(cr.get("cash_applied"), cur), money(cr.get("closing_ar"), cur),
                    money(cr.get("difference"), cur)));
        }
        List<String> flags = new ArrayList<>();
        root.get("flags").forEach(n -> flags.add(n.asString()));
        // the figures added after CONTRACTS.md 3.1: absent from snapshots written before them
        CeiFigures quarter = null;
        JsonNode q = root.get("cei_quarter");
        if (q != null) {
            quarter = new CeiFigures(date(q.get("period_start")), date(q.get("period_end")), money(q.get("beginning_ar"), fc),
                    money(q.get("credit_sales"), fc), money(q.get("ending_ar"), fc), money(q.get("ending_current_ar"), fc),
                    decimal(q.get("cei")));
        }
        Allowance allowance = null;
        JsonNode al = root.get("allowance");
        if (al != null) {
            List<Allowance.Line> lines = new ArrayList<>();
            for (JsonNode l : al.get("buckets")) {
                lines.add(new Allowance.Line(l.get("label").asString(), money(l.get("balance"), fc), decimal(l.get("rate_percent")),
                        money(l.get("allowance"), fc)));
            }
            allowance = new Allowance(lines, money(al.get("total"), fc));
        }
        ExposureFigures exposure = null;
        JsonNode ex = root.get("credit_exposure");
        if (ex != null) {
            List<CreditExposure.Line> over = new ArrayList<>();
            for (JsonNode l : ex.get("over_limit")) {
                List<String> members = new ArrayList<>();
                l.get("members").forEach(m -> members.add(m.asString()));
                Currency cur = Money.currency(l.get("currency").asString());
                Money headroom = money(l.get("headroom"), fc);
                over.add(new CreditExposure.Line(l.get("customer_id").asString(), l.get("name").asString(), members,
                        money(l.get("credit_limit"), cur), money(l.get("limit_functional"), fc), money(l.get("open_ar"), fc), headroom,
                        decimal(l.get("utilisation")), headroom.isNegative()));
            }
            exposure = new ExposureFigures(ex.get("customers_with_limit").asInt(), over, money(ex.get("over_limit_excess"), fc));
        }
        CollectionsFigures collections = null;
        JsonNode co = root.get("collections");
        if (co != null) {
            List<CollectionsWorklist.Level> levels = new ArrayList<>();
            for (JsonNode l : co.get("by_dunning_level")) {
                levels.add(new CollectionsWorklist.Level(l.get("level").asInt(), l.get("items").asLong(), money(l.get("amount"), fc)));
            }
            collections = new CollectionsFigures(co.get("overdue_items").asLong(), money(co.get("overdue_amount"), fc), levels);
        }
        Map<String, String> conventions = new LinkedHashMap<>();
        JsonNode cv = root.get("conventions");
        if (cv != null) {
            cv.propertyNames().forEach(k -> conventions.put(k, cv.get(k).asString()));
        }
        List<Trend.Point> trend = new ArrayList<>();
        JsonNode tr = root.get("trend");
        if (tr != null) {
            for (JsonNode p : tr) {
                List<Trend.Share> mix = new ArrayList<>();
                p.get("aging_mix").forEach(s -> mix.add(new Trend.Share(s.get("label").asString(), decimal(s.get("share")))));
                trend.add(new Trend.Point(date(p.get("as_of")), money(p.get("total_open"), fc), decimal(p.get("dso_standard")),
                        decimal(p.get("dso_best_possible")), decimal(p.get("average_days_delinquent")), decimal(p.get("cei")), mix,
                        p.get("source").asString()));
            }
        }
        return new MonthEndFigures(date(root.get("as_of")), fc, aging, dso, decimal(root.get("cei")), cash, rf, byCurrency, flags,
                quarter, allowance, exposure, collections, conventions, trend);
    }

    /** The {@code cash_application} object {@link #cashApplication} wrote. */
    public static CashApplicationFigures readCashApplication(JsonNode c, Currency fc) {
        return new CashApplicationFigures(c.get("bank_credits_count").asLong(),
                money(c.get("bank_credits_amount"), fc), share(c, "auto", fc), share(c, "suggested", fc),
                share(c, "on_account", fc), share(c, "unmatched", fc), share(c, "reconciled", fc),
                timeToApply(c, "time_to_apply_auto"), timeToApply(c, "time_to_apply_erp"));
    }

    private static Share share(JsonNode c, String prefix, Currency fc) {
        return new Share(c.get(prefix + "_count").asLong(), money(c.get(prefix + "_amount"), fc),
                decimal(c.get(prefix + "_rate_count")), decimal(c.get(prefix + "_rate_amount")));
    }

    private static Money money(JsonNode node, Currency currency) {
        return Money.of(new BigDecimal(node.asString()), currency);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asString());
    }

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asString());
    }
}
