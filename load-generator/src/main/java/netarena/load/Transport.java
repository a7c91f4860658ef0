package netarena.load;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The Netty transport the generator's event loops use: epoll where the native library loads, NIO
 * otherwise. The system property {@code netarena.load.transport=nio} forces NIO (to test that path).
 */
record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends SocketChannel> channelClass) {

    static Transport best() {
        boolean forceNio = "nio".equals(System.getProperty("netarena.load.transport"));
        if (!forceNio && Epoll.isAvailable()) {
            return new Transport("epoll", EpollIoHandler.newFactory(), EpollSocketChannel.class);
        }
        return new Transport("nio", NioIoHandler.newFactory(), NioSocketChannel.class);
    }
}
