<?php
/**
 * Runs one step inside the test's WordPress, from PHP's CLI, and prints JSON:
 *   php site.php activate            activates the plugin
 *   php site.php user '{"login":…,"role":…}'   a user and an application password
 *   php site.php sanitize '{…}'      the plugin's settings sanitizer on raw input
 *   php site.php sanitize-each '[{"key":…,"value":…},…]'   each value alone: sanitize_text_field's
 *                                    text, and what the sanitizer stores for it
 *   php site.php option              the stored settings
 *   php site.php set '{…}'           stores settings as they are (no sanitizer)
 * Environment: IOP_WP_HOST (127.0.0.1:PORT), WORDPRESS_CONFIG (as for router.php).
 */
$_SERVER['HTTP_HOST']        = getenv( 'IOP_WP_HOST' );
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$command = isset( $argv[1] ) ? $argv[1] : '';
$args    = json_decode( isset( $argv[2] ) ? $argv[2] : '{}', true );

function out( $value ) {
	echo wp_json_encode( $value ), "\n";
	exit( 0 );
}

switch ( $command ) {
	case 'activate':
		$result = activate_plugin( 'iop-op-fit/iop-op-fit.php', '', false, false );
		out( is_wp_error( $result ) ? array( 'error' => $result->get_error_message() ) : array( 'active' => is_plugin_active( 'iop-op-fit/iop-op-fit.php' ) ) );
	case 'user':
		$id = wp_insert_user(
			array(
				'user_login' => $args['login'],
				'user_pass'  => $args['password'],
				'user_email' => $args['login'] . '@example.org',
				'role'       => $args['role'],
			)
		);
		if ( is_wp_error( $id ) ) {
			out( array( 'error' => $id->get_error_message() ) );
		}
		$user = get_user_by( 'id', $id );
		list( $app_password ) = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'iop-op-fit test' ) );
		out(
			array(
				'id'              => $id,
				'appPassword'     => $app_password,
				'unfilteredHtml'  => user_can( $user, 'unfiltered_html' ),
				'publishPosts'    => user_can( $user, 'publish_posts' ),
				'manageOptions'   => user_can( $user, 'manage_options' ),
			)
		);
	case 'sanitize':
		out( iop_op_fit_sanitize( $args ) );
	case 'sanitize-each':
		out(
			array_map(
				function ( $one ) {
					$stored = iop_op_fit_sanitize( array( $one['key'] => $one['value'] ) );
					return array(
						'text'   => sanitize_text_field( $one['value'] ),
						'stored' => $stored[ $one['key'] ],
					);
				},
				$args
			)
		);
	case 'set':
		update_option( 'iop_op_fit_settings', $args );
		out( get_option( 'iop_op_fit_settings', null ) );
	case 'option':
		out( get_option( 'iop_op_fit_settings', null ) );
}
fwrite( STDERR, "unknown command: $command\n" );
exit( 2 );
