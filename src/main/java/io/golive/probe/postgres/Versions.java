package io.golive.probe.postgres;

/** Orders migration versions the way Flyway does: {@code 1.10} after {@code 1.9}, {@code 2} after {@code 1.9.9}. */
final class Versions {
    private Versions() {}

    static int compare(String a, String b) {
        String[] x = a.split("[._-]");
        String[] y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = part(p, q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int part(String p, String q) {
        if (p.matches("\\d+") && q.matches("\\d+")) {
            return new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
        }
        return p.compareTo(q);
    }
}
