<?php
/**
 * Router for `php -S … -t /usr/share/wordpress router.php` in the WordPress
 * test (wordpress.test.mjs). It does what Debian's Apache configuration does
 * for its wordpress package: /wp-content/ comes from the test's own
 * WP_CONTENT_DIR (IOP_WP_CONTENT), with real MIME types (application/wasm
 * for the widget's core). It also passes WORDPRESS_CONFIG from the
 * environment to Debian's wp-config.php, which picks
 * /etc/wordpress/config-$WORDPRESS_CONFIG.php, so the test never touches
 * another site's config-127.0.0.1.php. Everything else is WordPress.
 */
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );

$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( 0 === strpos( $path, '/wp-content/' ) ) {
	$root = realpath( getenv( 'IOP_WP_CONTENT' ) );
	$file = $root . substr( $path, strlen( '/wp-content' ) );
	$real = realpath( $file );
	// Inside wp-content (themes are links to /usr/share/wordpress), never PHP.
	$inside = $real && ( 0 === strpos( $real, $root . '/' ) || 0 === strpos( $real, '/usr/share/wordpress/wp-content/' ) );
	if ( ! $inside || ! is_file( $real ) || preg_match( '/\.php$/i', $real ) || false !== strpos( $path, '..' ) ) {
		http_response_code( 404 );
		echo 'not found';
		return true;
	}
	$types = array(
		'js'    => 'text/javascript; charset=utf-8',
		'css'   => 'text/css; charset=utf-8',
		'wasm'  => 'application/wasm',
		'json'  => 'application/json',
		'svg'   => 'image/svg+xml',
		'png'   => 'image/png',
		'jpg'   => 'image/jpeg',
		'webp'  => 'image/webp',
		'woff2' => 'font/woff2',
		'txt'   => 'text/plain; charset=utf-8',
	);
	$ext = strtolower( pathinfo( $real, PATHINFO_EXTENSION ) );
	header( 'Content-Type: ' . ( isset( $types[ $ext ] ) ? $types[ $ext ] : 'application/octet-stream' ) );
	header( 'Content-Length: ' . filesize( $real ) );
	readfile( $real );
	return true;
}
return false;
