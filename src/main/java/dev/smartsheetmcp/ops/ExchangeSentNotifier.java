package dev.smartsheetmcp.ops;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSendingEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * An event notifier told when an exchange was sent to an endpoint, with how long the endpoint
 * took. It also accepts the sending events, as Camel times a send (and reports it sent) only when
 * some notifier took its sending event.
 */
public abstract class ExchangeSentNotifier extends EventNotifierSupport {

    protected ExchangeSentNotifier() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeSentEvent || event instanceof ExchangeSendingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof ExchangeSentEvent sent) sent(sent);
    }

    protected abstract void sent(ExchangeSentEvent event);
}
