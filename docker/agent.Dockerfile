# The netarena agent image for `netarena cluster run` (docs/DISTRIBUTED.md). Build from the checkout root
# after `./netarena models` (or mvn -DskipTests package) has made cli/target/netarena.jar:
#   docker build -f docker/agent.Dockerfile -t REGISTRY/netarena-agent:TAG . && docker push REGISTRY/netarena-agent:TAG
# Not built in CI: this machine reaches no registry.
FROM eclipse-temurin:25-jre
COPY cli/target/netarena.jar /opt/netarena/netarena.jar
# the pod's args start with `load`: the container is `netarena load ...` for one agent
ENTRYPOINT ["java", "-XX:+UseG1GC", "-Xms256m", "-Xmx1g", "-jar", "/opt/netarena/netarena.jar"]
