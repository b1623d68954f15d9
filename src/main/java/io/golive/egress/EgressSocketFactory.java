package io.golive.egress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Sockets that connect only where the egress policy allows, for drivers that take a socket factory
 * (PostgreSQL's {@code socketFactory}): decided on the address actually connected to.
 */
public final class EgressSocketFactory extends SocketFactory {
    @Override
    public Socket createSocket() {
        return new Guarded();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = new Guarded();
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = new Guarded();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = new Guarded();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = new Guarded();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    /** A socket whose every connect is decided by the policy first. */
    private static final class Guarded extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress a) {
                if (a.isUnresolved()) {
                    InetAddress allowed = Egress.resolve(a.getHostString()).get(0);
                    super.connect(new InetSocketAddress(allowed, a.getPort()), timeout);
                    return;
                }
                Egress.checkResolved(a.getHostString(), a.getAddress());
            }
            super.connect(endpoint, timeout);
        }
    }
}
