package dev.o2c.writers.out;

import dev.o2c.domain.figures.MonthEndFigures;
import dev.o2c.domain.figures.MonthEndFigures.AgingFigures;
import dev.o2c.domain.figures.MonthEndFigures.BucketAmount;
import dev.o2c.domain.figures.MonthEndFigures.CashApplicationFigures;
import dev.o2c.domain.figures.MonthEndFigures.CurrencyRollForward;
import dev.o2c.domain.figures.MonthEndFigures.DsoFigures;
import dev.o2c.domain.figures.MonthEndFigures.RollForward;
import dev.o2c.domain.figures.MonthEndFigures.Share;
import dev.o2c.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
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

        root.put("cei", text(f.cei()));

        CashApplicationFigures c = f.cashApplication();
        ObjectNode cash = root.putObject("cash_application");
        cash.put("bank_credits_count", c.bankCreditsCount());
        cash.put("bank_credits_amount", c.bankCreditsAmount().toPlainString());
        share(cash, "auto", c.auto());
        share(cash, "suggested", c.suggested());
        share(cash, "on_account", c.onAccount());
        share(cash, "unmatched", c.unmatched());
        share(cash, "reconciled", c.reconciled());

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
        ArrayNode flags = root.putArray("flags");
        f.flags().forEach(flags::add);
        return Json.pretty(root);
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
        AgingFigures aging = new AgingFigures(a.get("basis").asString(), buckets, money(a.get("total_open"), fc),
                money(a.get("unapplied_cash"), fc));
        JsonNode d = root.get("dso");
        DsoFigures dso = new DsoFigures(date(d.get("period_start")), date(d.get("period_end")), d.get("days").asInt(),
                money(d.get("credit_sales"), fc), money(d.get("beginning_ar"), fc), money(d.get("ending_ar"), fc),
                money(d.get("current_ar"), fc), decimal(d.get("standard")), decimal(d.get("average_ar")), decimal(d.get("countback")),
                decimal(d.get("best_possible")), decimal(d.get("average_days_delinquent")));
        JsonNode c = root.get("cash_application");
        CashApplicationFigures cash = new CashApplicationFigures(c.get("bank_credits_count").asLong(),
                money(c.get("bank_credits_amount"), fc), share(c, "auto", fc), share(c, "suggested", fc),
                share(c, "on_account", fc), share(c, "unmatched", fc), share(c, "reconciled", fc));
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
        return new MonthEndFigures(date(root.get("as_of")), fc, aging, dso, decimal(root.get("cei")), cash, rf, byCurrency, flags);
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
