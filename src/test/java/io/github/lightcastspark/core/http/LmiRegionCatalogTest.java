package io.github.lightcastspark.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.github.lightcastspark.core.options.LightcastOptionException;
import io.github.lightcastspark.core.options.ReadOptions;
import io.github.lightcastspark.core.options.ReadOptionsParser;
import io.github.lightcastspark.core.options.RegionType;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The planner's "every region of a type" against a server whose regions list is empty, which the emulator never
 * serves: a plain HTTP server on loopback stands in for the API.
 */
class LmiRegionCatalogTest {
  @Test
  void anEmptyRegionsListIsAnErrorAndIsNotKept() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger asked = new AtomicInteger();
    server.createContext("/v1/labor-market-intelligence/regions", exchange -> {
      asked.incrementAndGet();
      byte[] body = "{\"data\":{\"regions\":[]}}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      ReadOptions options = ReadOptionsParser.parse(Map.of("path", "occupations", "platformKey", "<platform-key>",
          "environment", "testing", "baseUrl", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"), Map.of(),
          Map.of());
      LmiRegionCatalog catalog = new LmiRegionCatalog(options, new LmiClient(options,
          ApiCaller.of(options, Pacer.unscheduled(), new RequestCounters())));
      LightcastOptionException empty = assertThrows(LightcastOptionException.class,
          () -> catalog.codes(RegionType.MSA));
      assertEquals("The API's regions list has no msa regions for these credentials, so 'every msa' would read"
          + " nothing: name the regions with option regionCodes.", empty.getMessage());
      assertThrows(LightcastOptionException.class, () -> catalog.codes(RegionType.MSA));
      assertEquals(2, asked.get(), "the empty answer was not kept");
    } finally {
      server.stop(0);
    }
  }
}
