package th.ita.app.error;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import th.ita.core.message.Language;
import th.ita.core.message.Messages;

/**
 * Answers a request whose path is not a URI (raw Thai bytes, a stray {@code %}) with a problem in the
 * caller's language, like every other error. The framework cannot: it replaces such a request by a bare
 * one for {@code /} without its headers, so its answer could only be Thai, and its own text is English
 * ("Malformed URI"). The check is the framework's own ({@link URI#create}); the connection is closed after
 * the answer, as the rest of what the client sent on it cannot be trusted to line up.
 */
@Singleton
class MalformedRequestPaths implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String HANDLER = "ita-malformed-request-path";
    private final JsonMapper json;

    MalformedRequestPaths(JsonMapper json) {
        this.json = json;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new Connection(channel) : this;
            }
        });
        return event.getBean();
    }

    /** Whether the framework can read a request's target as a URI. */
    static boolean readable(String target) {
        try {
            URI.create(target);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private final class Connection implements NettyServerCustomizer {
        private final Channel channel;

        Connection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Refusal());
            }
        }
    }

    /** Refuses a request whose target cannot be read, and drops its body. */
    private final class Refusal extends ChannelInboundHandlerAdapter {
        private boolean dropping;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request && !readable(request.uri())) {
                dropping = !(message instanceof LastHttpContent);
                ReferenceCountUtil.release(message);
                Language language = Language.parse(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
                Problem problem = Problem.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", Messages.standard().render("problem.malformedPath", language), "",
                        language);
                byte[] body;
                try {
                    body = json.writeValueAsBytes(problem);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE.toString())
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                        .set("X-Content-Type-Options", "nosniff");
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (dropping && message instanceof HttpContent) {
                dropping = !(message instanceof LastHttpContent);
                ReferenceCountUtil.release(message);
                return;
            }
            context.fireChannelRead(message);
        }
    }
}
