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

    private static final String[][] FORM_VARIANTS = {{"Ltd", "Limited"}, {"Limited", "Ltd"}, {"Inc.", "Incorporated"},
        {"Corp.", "Corporation"}, {"GmbH & Co. KG", "GmbH + Co KG"}, {"GmbH", "Gesellschaft mbH"}, {"B.V.", "BV"}, {"S.A.", "SA"}, {"LLC", "L.L.C."}};

    /**
     * The name as a payer writes it when it is not the ERP's spelling: the legal form spelled
     * out or abbreviated, or left off, upper case, as the bank prints it.
     */
    static String variant(String name, Random random) {
        String v = name;
        switch (random.nextInt(3)) {
            case 0 -> {
                for (String[] f : FORM_VARIANTS) {
                    if (v.endsWith(" " + f[0])) {
                        v = v.substring(0, v.length() - f[0].length()) + f[1];
                        break;
                    }
                }
            }
            case 1 -> {
                for (String[] f : FORM_VARIANTS) {
                    if (v.endsWith(" " + f[0])) {
                        v = v.substring(0, v.length() - f[0].length() - 1);
                        break;
                    }
                }
            }
            default -> v = v.replace(" & ", " AND ");
        }
        return asBankPrints(v);
    }

    private static final String[] PEOPLE = {"J SMITH", "M MUELLER", "A JANSEN", "P DUBOIS", "K NOWAK", "R ROSSI", "L GARCIA"};

    /** Someone the company has never heard of. */
    static String stranger(Random random) {
        return PEOPLE[random.nextInt(PEOPLE.length)] + " " + (100 + random.nextInt(900));
    }
}
