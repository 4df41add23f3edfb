package io.github.lightcastspark.core.transport;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP/1.1 client connection that never logs. HttpClient's own connection logs every header (the
 * {@code Authorization} bearer key, the customer key) and every byte on the wire (the token form with its client
 * secret) once its {@code headers} or {@code wire} logger is at DEBUG, and the shading renames those loggers into the
 * connector's package, so that turning the connector's logging up would print every credential. Nothing else of the
 * connection differs.
 */
final class QuietConnection extends DefaultBHttpClientConnection
    implements ManagedHttpClientConnection {
  /** Makes the pool's connections. */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
    QuietConnection connection = new QuietConnection();
    if (socket != null) {
      connection.bind(socket);
    }
    return connection;
  };

  private Socket socket;
  private Timeout socketTimeout = Timeout.ZERO_MILLISECONDS;

  private QuietConnection() {
    super(Http1Config.DEFAULT);
  }

  @Override
  public void bind(Socket socket) throws IOException {
    super.bind(socket);
    this.socket = socket;
    socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
  }

  @Override
  public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
    super.bind(sslSocket, socket);
    this.socket = sslSocket;
    socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
  }

  @Override
  public Socket getSocket() {
    return isOpen() ? socket : null;
  }

  @Override
  public SSLSession getSSLSession() {
    return socket instanceof SSLSocket ssl ? ssl.getSession() : null;
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    super.setSocketTimeout(timeout);
    socketTimeout = timeout;
  }

  /** An idle connection in the pool waits without a timeout; a leased one gets its request's timeout back. */
  @Override
  public void passivate() {
    super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
  }

  @Override
  public void activate() {
    super.setSocketTimeout(socketTimeout);
  }
}
