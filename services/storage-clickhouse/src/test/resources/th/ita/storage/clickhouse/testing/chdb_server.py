# Runs ClickHouse's own HTTP server from libchdb.so (the ClickHouse engine as a library) until
# stdin closes: the last statement reads stdin to its end, so a parent that dies takes the server
# with it. Usage: python3 chdb_server.py LIBCHDB DATA_DIR HTTP_PORT
import ctypes
import sys

library, data_dir, http_port = sys.argv[1], sys.argv[2], sys.argv[3]
chdb = ctypes.CDLL(library)
chdb.chdb_query_cmdline.restype = ctypes.c_void_p
chdb.chdb_query_cmdline.argtypes = [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
chdb.chdb_result_error.restype = ctypes.c_char_p
chdb.chdb_result_error.argtypes = [ctypes.c_void_p]
args = [
    "clickhouse",
    "--path=" + data_dir,
    "--listen_host=127.0.0.1",
    "--http_port=" + http_port,
    "--query=SYSTEM START LISTEN HTTP; SELECT count() FROM file('/dev/stdin', 'LineAsString') FORMAT Null",
]
argv = (ctypes.c_char_p * len(args))(*[arg.encode() for arg in args])
result = chdb.chdb_query_cmdline(len(args), argv)
error = chdb.chdb_result_error(result) if result else None
if error:
    sys.stderr.write(error.decode(errors="replace") + "\n")
    sys.exit(2)
