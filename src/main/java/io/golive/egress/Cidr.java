package io.golive.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** A block of addresses written {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is a block of one. */
record Cidr(byte[] network, int prefix, String text) {

    /** The block {@code text} denotes, or empty when it is not an address literal with an optional prefix. */
    static Optional<Cidr> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        Optional<InetAddress> literal = Literals.address(address);
        if (literal.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = literal.get().getAddress();
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(bytes, prefix, t));
    }

    static Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + text));
    }

    boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** Address literals, parsed without any name lookup. */
    static final class Literals {
        private Literals() {}

        static Optional<InetAddress> address(String host) {
            String h = host.strip();
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            if (h.isEmpty() || !(h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
                return Optional.empty();
            }
            if (!h.contains(":") && h.chars().filter(c -> c == '.').count() != 3) {
                return Optional.empty();
            }
            try {
                // a literal (digits and dots, or an IPv6 form) is parsed, never looked up
                return Optional.of(InetAddress.getByName(h));
            } catch (UnknownHostException | SecurityException e) {
                return Optional.empty();
            }
        }
    }
}
