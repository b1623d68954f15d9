package io.golive.checklist;

/** A comparison operator of a threshold. */
public enum Op {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("="),
    /** Roughly equal: within 10 % of the value. */
    APPROX("~");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double actual, double limit) {
        return switch (this) {
            case LT -> actual < limit;
            case LE -> actual <= limit;
            case GT -> actual > limit;
            case GE -> actual >= limit;
            case EQ -> actual == limit;
            case APPROX -> Math.abs(actual - limit) <= Math.abs(limit) * 0.10;
        };
    }

    public static Op fromSymbol(String symbol) {
        for (Op op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operator " + symbol);
    }
}
