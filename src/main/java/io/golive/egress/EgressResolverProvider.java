package io.golive.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * The JVM's name resolver while golive runs: the system's answers, less the addresses the egress
 * policy in force denies. It is what keeps libraries that resolve on their own threads (the JDK's HTTP
 * client) from reaching a denied address, a name rebound to one included.
 */
public final class EgressResolverProvider extends InetAddressResolverProvider {
    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver system = configuration.builtinResolver();
        Egress.builtin(system);
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy)
                    throws UnknownHostException {
                return Egress.filteredLookup(host, lookupPolicy).stream();
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return system.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "golive egress policy";
    }
}
