# Same steps as the README: build the jar with Maven, run it with Java 17 and a class-data-sharing archive.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
COPY application.properties .
# the archive is made below, for the jar at its path in this image and this image's JVM
RUN mvn -B package -DskipTests -Dcds.skip=true

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /data && chown app /data
WORKDIR /app
COPY --from=build /src/target/smartsheet-mcp-pipeline.jar app.jar
COPY routes routes
COPY application.properties .
# The training run the Maven build makes (see pom.xml): the sandbox over stdio, stopped one second after it
# is ready; the classes it loaded are dumped to /app/app.jsa at its exit
RUN CAMEL_MAIN_DURATIONMAXSECONDS=1 LOG_LEVEL=WARN java -XX:ArchiveClassesAtExit=/app/app.jsa \
      -Xlog:disable -Xlog:all=error:stderr -jar /app/app.jar --sandbox --transport stdio \
      --data-dir /tmp/cds-training </dev/null >/dev/null \
 && rm -rf /tmp/cds-training
ENV MCP_TRANSPORT=http \
    MCP_HTTP_HOST=0.0.0.0 \
    MCP_HTTP_PORT=3000 \
    DATA_DIR=/data
VOLUME /data
EXPOSE 3000
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:3000/health || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-XX:CompileThresholdScaling=3", "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", "/app/app.jar"]
