package dev.o2c.jobs.generate;

import java.util.Locale;
import java.util.Random;

/** Company names as ERPs hold them and as banks print them (upper case, cut at 35 characters). */
final class Names {

    private static final String[] FIRST = {"Acme", "Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
        "Hooli", "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Aperture", "Gringotts", "Oceanic", "Monarch", "Wonka", "Duff",
        "Pied Piper", "Prestige", "Sterling", "Bluth", "Dunder", "Massive", "Nakatomi", "Ollivander", "Paper Street", "Rekall",
        "Sirius", "Zenith", "Helios", "Orion", "Polaris", "Meridian", "Atlas", "Vertex", "Summit", "Harbor", "Cascade"};
    private static final String[] SECOND = {"Trading", "Industries", "Logistics", "Foods", "Systems", "Components", "Retail",
        "Engineering", "Pharma", "Textiles", "Electronics", "Supply", "Hardware", "Distribution", "Packaging", "Motors",
        "Chemicals", "Instruments", "Outfitters", "Holdings"};
    private static final String[][] FORMS = {{"US", "Inc."}, {"US", "LLC"}, {"GB", "Ltd"}, {"GB", "Limited"}, {"DE", "GmbH"},
        {"DE", "GmbH & Co. KG"}, {"FR", "S.A."}, {"NL", "B.V."}, {"US", "Corp."}};

    private Names() {
    }

    /** A legal name and its country. */
    static String[] company(Random random) {
        String[] form = FORMS[random.nextInt(FORMS.length)];
        String name = FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)] + " " + form[1];
        return new String[]{name, form[0]};
    }

    /** The payer's name as a bank statement shows it. */
    static String asBankPrints(String name) {
        String upper = name.toUpperCase(Locale.ROOT).replace(".", "").replace(",", "");
        return upper.length() > 35 ? upper.substring(0, 35) : upper;
    }
}
