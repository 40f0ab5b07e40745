package dev.o2c.domain.cashapp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a customer by the payer's name as a bank prints it: upper case, without
 * punctuation, often cut at 35 or 70 characters, with or without the legal form.
 *
 * <p>Names are reduced to their distinctive words: accents and punctuation go, the
 * letters of {@code S.A.} or {@code B.V.} join up, and legal forms and filler words
 * ({@code Ltd}, {@code Limited}, {@code GmbH & Co. KG}, {@code Inc.}, {@code the}, ...)
 * are dropped, since payers write them every way or not at all. The similarity of two
 * names is the Dice coefficient of their word sets, where the payer's last word also
 * agrees with a longer word it is the start of (the bank cut it). A customer is
 * recognised when its similarity reaches the threshold and no other customer comes
 * within 0.10 of it. Built once; reading is thread-safe.
 */
final class PayerNames {

    /**
     * A customer the name points at, and how closely; or, when several customers are as close
     * ({@code customer} -1), those customers, for the amount to tell apart.
     *
     * @param customerWords the customer's distinctive words as an explanation quotes them ("" when tied), joined here
     *        where they were just compared rather than read again by the deciding thread
     * @param spelled of customers tied, the one whose name the payer's is letter for letter (legal form included, or
     *        its start where the bank cut it), -1 for none: a hint for when the amount does not settle the tie, never
     *        an identification, as a bank may print one customer's legal form the way another's is registered
     */
    record Match(int customer, double score, List<Integer> tied, String customerWords, boolean inText, int spelled) {
        Match(int customer, double score, List<Integer> tied, String customerWords) {
            this(customer, score, tied, customerWords, false, -1);
        }

        Match(int customer, double score, List<Integer> tied, String customerWords, boolean inText) {
            this(customer, score, tied, customerWords, inText, -1);
        }

        boolean identified() {
            return customer >= 0;
        }
    }

    /**
     * A customer whose whole name stands in the text, for a credit whose payer the bank left
     * unnamed ("Line for Acsone SA", "Auftraggeber: Muster GmbH"): the words of one customer's
     * name, legal form aside, next to each other in the text, and no other customer's. A name
     * of one short word is too easily met by chance ("Apple" in "apple juice"): one word must
     * have at least {@value #MIN_LONE_WORD} letters. Null when no customer stands there; when a few
     * do, and none is the others' parent, those few tied (more than {@value #MAX_TIED}: null).
     */
    Match identifyIn(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> tokens = split(text, false);
        List<Integer> found = new ArrayList<>(2);
        for (int i = 0; i < tokens.size(); i++) {
            int[] list = customersByWord.get(tokens.get(i));
            if (list == null || list.length > COMMON_WORD) {
                continue;
            }
            for (int c : list) {
                String[] name = words[c];
                if (name.length == 0 || i + name.length > tokens.size() || !name[0].equals(tokens.get(i))
                        || (name.length == 1 && name[0].length() < MIN_LONE_WORD)) {
                    continue;
                }
                boolean all = true;
                for (int n = 1; n < name.length && all; n++) {
                    all = name[n].equals(tokens.get(i + n));
                }
                if (all && !found.contains(c)) {
                    found.add(c);
                    if (found.size() > MAX_TIED) {
                        return null; // a text naming that many customers names none of them
                    }
                }
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        int one = found.size() == 1 ? found.get(0) : parentOfAll(found);
        if (one >= 0) {
            return new Match(one, 1.0, List.of(), String.join(" ", words[one]), true);
        }
        // several customers' names stand there ("... Industries Limited", "... Industries Ltd"): not ours to choose,
        // but the amount may tell which of them paid
        found.sort(null);
        return new Match(-1, 1.0, List.copyOf(found), "", true);
    }

    /** Letters a one-word name needs to be recognised inside free text. */
    static final int MIN_LONE_WORD = 6;

    /** How many customers equally close to a name are still worth narrowing down by amount. */
    static final int MAX_TIED = 5;

    private static final Set<String> DROPPED = Set.of("LTD", "LIMITED", "INC", "INCORPORATED", "CORP", "CORPORATION",
            "CO", "COMPANY", "LLC", "LLP", "LP", "PLC", "GMBH", "KG", "AG", "SE", "SA", "SAS", "SARL", "SL", "SPA", "SRL",
            "BV", "NV", "OY", "AB", "AS", "APS", "PTY", "PTE", "KK", "THE", "AND", "UND", "ET", "OF", "DE", "VAN", "EV",
            "UG", "OHG", "GBR", "MBH", "HAFTUNGSBESCHRANKT", "GESELLSCHAFT", "MIT", "BESCHRANKTER", "HAFTUNG",
            "KOMMANDITGESELLSCHAFT", "AKTIENGESELLSCHAFT", "ANONYME", "BESLOTEN", "VENNOOTSCHAP", "NAAMLOZE");
    /** Words so common among the customers that they never narrow the search on their own. */
    private static final int COMMON_WORD = 2_000;

    private final String[][] words;
    private final Map<String, int[]> customersByWord = new HashMap<>();
    /** The names as the customer master writes them, spelled out only for the few customers a name ties. */
    private final List<String> names;

    private final int[] parents;

    PayerNames(List<String> customerNames) {
        this(customerNames, null);
    }

    /**
     * @param parents each customer's parent by index (-1 for none), or null: a parent and its
     *        subsidiaries that a name fits equally (a group sharing its name) are the parent,
     *        who pays for them, rather than a tie
     */
    PayerNames(List<String> customerNames, int[] parents) {
        this.parents = parents;
        this.names = customerNames;
        words = new String[customerNames.size()][];
        // each word's customers in a growing array, its count in slot 0: no boxed number per word and customer, no
        // list or stream per word (a hundred thousand customers have about as many distinct words)
        for (int c = 0; c < customerNames.size(); c++) {
            words[c] = words(customerNames.get(c)).toArray(String[]::new);
            for (String w : words[c]) {
                int[] list = customersByWord.get(w);
                if (list == null) {
                    customersByWord.put(w, new int[]{1, c, 0});
                } else { // a customer once: words() gives each word of a name once
                    if (list[0] + 1 == list.length) {
                        list = Arrays.copyOf(list, list.length * 2);
                        customersByWord.put(w, list);
                    }
                    list[++list[0]] = c;
                }
            }
        }
        customersByWord.replaceAll((w, list) -> Arrays.copyOfRange(list, 1, list[0] + 1));
    }

    /** The distinctive words of a name, in order, each once. */
    static List<String> words(String name) {
        return split(name, true);
    }

    /** The distinctive words of a name or a text, in order; each once when {@code once}, else as they stand. */
    private static List<String> split(String name, boolean once) {
        return split(name, once, true);
    }

    /** The words of a name or a text, in order; legal forms and filler words left out when {@code distinctive}. */
    private static List<String> split(String name, boolean once, boolean distinctive) {
        if (name == null) {
            return List.of();
        }
        String plain = asciiUpper(name);
        List<String> kept = new ArrayList<>(once ? 4 : 16);
        // S A / B V / N V written with dots: letters standing alone join into one word
        StringBuilder letters = null;
        int start = -1;
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            boolean wordChar = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                if (i - start == 1 && Character.isLetter(plain.charAt(start))) {
                    letters = letters == null ? new StringBuilder(4) : letters;
                    letters.append(plain.charAt(start));
                } else {
                    if (letters != null && letters.length() > 0) {
                        keep(kept, letters.toString(), once, distinctive);
                        letters.setLength(0);
                    }
                    keep(kept, plain.substring(start, i), once, distinctive);
                }
                start = -1;
            }
        }
        if (letters != null && letters.length() > 0) {
            keep(kept, letters.toString(), once, distinctive);
        }
        return List.copyOf(kept);
    }

    /** The word, unless it is a legal form or filler word of a distinctive name, or already kept when each is kept once. */
    private static void keep(List<String> kept, String word, boolean once, boolean distinctive) {
        if ((!distinctive || !DROPPED.contains(word)) && (!once || !kept.contains(word))) {
            kept.add(word);
        }
    }

    /**
     * The customer the payer's name identifies: the best at or above {@code threshold} with no
     * other within 0.10 of it; else up to {@value #MAX_TIED} customers tied that close; else null.
     */
    Match identify(String payerName, double threshold) {
        List<String> payer = new ArrayList<>(words(payerName));
        // a name the bank cut inside its legal form: "ACME TRADING LIMI"
        if (payer.size() > 1 && cutLegalForm(payer.get(payer.size() - 1))) {
            payer.remove(payer.size() - 1);
        }
        if (payer.isEmpty()) {
            return null;
        }
        // the customers sharing a word with the payer, each once: sorted numbers rather than a set of boxed ones made
        // for each of the credits a name is read for (the outcome does not depend on their order)
        int[] who = new int[16];
        int found = 0;
        for (int i = 0; i < payer.size(); i++) {
            int[] exact = customersByWord.get(payer.get(i));
            if (exact != null && exact.length <= COMMON_WORD) {
                if (found + exact.length > who.length) {
                    who = Arrays.copyOf(who, Math.max(who.length * 2, found + exact.length));
                }
                System.arraycopy(exact, 0, who, found, exact.length);
                found += exact.length;
            }
        }
        Arrays.sort(who, 0, found);
        int k = 0;
        for (int j = 0; j < found; j++) {
            if (k == 0 || who[j] != who[k - 1]) {
                who[k++] = who[j];
            }
        }
        double[] scores = new double[k];
        double bestScore = 0;
        for (int j = 0; j < k; j++) {
            scores[j] = similarity(payer, words[who[j]]);
            bestScore = Math.max(bestScore, scores[j]);
        }
        if (bestScore < threshold) {
            return null;
        }
        // every customer within 0.10 of the best: one is an identification, more a tie
        List<Integer> close = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (scores[j] > bestScore - 0.10) {
                close.add(who[j]);
            }
        }
        close.sort(null);
        if (close.size() == 1) {
            return new Match(close.get(0), bestScore, List.of(), String.join(" ", words[close.get(0)]));
        }
        int parent = parentOfAll(close);
        if (parent >= 0) {
            int at = -1;
            for (int j = 0; j < k; j++) {
                at = who[j] == parent ? j : at;
            }
            return new Match(parent, scores[at], List.of(), String.join(" ", words[parent]));
        }
        return close.size() <= MAX_TIED ? new Match(-1, bestScore, List.copyOf(close), "", false, spelledAs(payerName, close)) : null;
    }

    /** Characters a payer's name needs before its being the start of a customer's name tells anything. */
    static final int MIN_CUT_NAME = 16;

    /**
     * Of customers whose distinctive words a payer's name fits equally ("Pied Piper Industries
     * Ltd" and "... Limited"), the one whose name the bank printed letter for letter, legal form
     * included; else, when the bank cut the name ("... GMBH & CO K"), the one whose name it is
     * the start of. -1 when none or several are spelled so.
     */
    private int spelledAs(String payerName, List<Integer> close) {
        String payer = String.join(" ", split(payerName, false, false));
        if (payer.isEmpty()) {
            return -1;
        }
        int exact = -1;
        int exactCount = 0;
        int cut = -1;
        int cutCount = 0;
        for (int c : close) {
            String customer = String.join(" ", split(names.get(c), false, false));
            if (customer.equals(payer)) {
                exact = c;
                exactCount++;
            } else if (payer.length() >= MIN_CUT_NAME && customer.startsWith(payer)) {
                cut = c;
                cutCount++;
            }
        }
        if (exactCount > 0) {
            return exactCount == 1 ? exact : -1;
        }
        return cutCount == 1 ? cut : -1;
    }

    /** The one of {@code close} whose subsidiaries all the others are, or -1. */
    private int parentOfAll(List<Integer> close) {
        if (parents == null) {
            return -1;
        }
        for (int candidate : close) {
            boolean all = true;
            for (int other : close) {
                all &= other == candidate || parents[other] == candidate;
            }
            if (all) {
                return candidate;
            }
        }
        return -1;
    }

    /** Upper case without accents: plain ASCII names (nearly all a bank prints) skip the Unicode decomposition. */
    private static String asciiUpper(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 127) {
                return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                        .replace("ß", "SS").toUpperCase(Locale.ROOT);
            }
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private static boolean cutLegalForm(String word) {
        if (word.length() < 2) {
            return false;
        }
        for (String form : DROPPED) {
            if (form.length() > word.length() && form.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** Dice coefficient of the word sets; the payer's last word may be the cut start of the customer's word. */
    static double similarity(List<String> payer, String[] customer) {
        if (payer.isEmpty() || customer.length == 0) {
            return 0;
        }
        int common = 0;
        boolean[] used = new boolean[customer.length];
        for (int i = 0; i < payer.size(); i++) {
            String w = payer.get(i);
            boolean last = i == payer.size() - 1;
            for (int j = 0; j < customer.length; j++) {
                if (!used[j] && (customer[j].equals(w) || (last && w.length() >= 3 && customer[j].startsWith(w)))) {
                    used[j] = true;
                    common++;
                    break;
                }
            }
        }
        return 2.0 * common / (payer.size() + customer.length);
    }
}
